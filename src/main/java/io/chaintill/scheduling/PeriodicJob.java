package io.chaintill.scheduling;

import java.time.Duration;

/**
 * A unit of background work run by Quartz at a fixed interval, never concurrently with itself. Implement it as
 * an {@code @ApplicationScoped} bean and the {@link JobScheduler} finds it. {@link #run()} executes on a
 * scheduler thread with CDI/JPA/JTA context; it must touch the database only inside transactions.
 */
public interface PeriodicJob {

    /** Stable name, used as the Quartz job key and in logs. */
    String name();

    Duration interval();

    void run();
}
