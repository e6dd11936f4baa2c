package com.nexustime.tracking;

/** The answer to a switch: the entry the previous timer became (none when nothing ran) and the new timer. */
public record TimerSwitched(TimeEntry stopped, RunningTimer started) {
}
