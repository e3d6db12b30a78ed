package io.faisca.runtime;

/** A Spark stage of a running query: its tasks in all, done and running now. */
public record StageProgress(int stageId, int tasks, int completed, int running) {
}
