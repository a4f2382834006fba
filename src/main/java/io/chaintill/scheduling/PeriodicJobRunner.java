package io.chaintill.scheduling;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Adapts a {@link PeriodicJob} to Quartz; a failing run is logged and the next run simply tries again. */
@DisallowConcurrentExecution
final class PeriodicJobRunner implements Job {
    private static final Logger LOG = Logger.getLogger(PeriodicJobRunner.class.getName());
    private final PeriodicJob job;

    PeriodicJobRunner(PeriodicJob job) {
        this.job = job;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job " + job.name() + " failed; it runs again at its next interval", e);
        }
    }
}
