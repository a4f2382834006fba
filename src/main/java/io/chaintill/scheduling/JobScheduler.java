package io.chaintill.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Starts Quartz once the schema is ready and schedules every {@link PeriodicJob} bean. Quartz runs jobs on its
 * own unmanaged threads, so each job is wrapped here, on a managed thread, in a contextual proxy that gives the
 * job body CDI, JPA and JTA as if it ran in a request.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class JobScheduler {
    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    @Resource
    ContextService contextService;
    @Inject
    Instance<PeriodicJob> periodicJobs;

    private Scheduler scheduler;

    @PostConstruct
    void start() {
        try {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "chaintill");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty("org.quartz.threadPool.threadCount", "4");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            scheduler = new StdSchedulerFactory(p).getScheduler();
            Map<String, Job> jobs = new HashMap<>();
            for (PeriodicJob job : periodicJobs) {
                jobs.put(job.name(), contextService.createContextualProxy(new PeriodicJobRunner(job), Job.class));
                schedule(job);
            }
            scheduler.setJobFactory((bundle, s) -> {
                Job job = jobs.get(bundle.getJobDetail().getKey().getName());
                if (job == null) {
                    throw new SchedulerException("no job named " + bundle.getJobDetail().getKey());
                }
                return job;
            });
            scheduler.start();
            LOG.info("scheduler started with jobs " + jobs.keySet());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the job scheduler", e);
        }
    }

    private void schedule(PeriodicJob job) throws SchedulerException {
        JobDetail detail = JobBuilder.newJob(PeriodicJobRunner.class).withIdentity(job.name()).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(job.name() + "-trigger")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(100, job.interval().toMillis())).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow().build();
        scheduler.scheduleJob(detail, Set.of(trigger), true);
    }

    @PreDestroy
    void stop() {
        try {
            if (scheduler != null) {
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warning("scheduler did not stop cleanly: " + e.getMessage());
        }
    }
}
