package lt.skydas.emplace.schedule;

/**
 * One job of a schedule, done by one team: it leaves its previous location (home or the last site)
 * at {@code leave_s}, reaches the job's depot at {@code load_s} (NaN without a depot), the site at
 * {@code arrive_s}, works from {@code start_s} (= arrive_s: teams never wait) to {@code finish_s}.
 * All times are seconds after the warning. {@code onTime} iff finish ≤ the job's deadline.
 */
public record Assignment(
    String jobId,
    String teamId,
    int sequence,
    double leave_s,
    double load_s,
    double arrive_s,
    double start_s,
    double finish_s,
    boolean onTime) {}
