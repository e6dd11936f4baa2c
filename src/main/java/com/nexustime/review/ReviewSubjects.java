package com.nexustime.review;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.nexustime.workflow.Tasklist;

/**
 * What a weekly review is about, in words: "Dana Staff — week of 23 Nov 2026" instead of the business key
 * {@code week:3:2026-11-23}. The task list and the task page ask it (as the bean {@code reviewSubjects}).
 */
@Component("reviewSubjects")
public class ReviewSubjects {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final WeekReviewService reviews;

	ReviewSubjects(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	/** "Name — week of 23 Nov 2026". */
	public static String label(String name, LocalDate weekStart) {
		return name + " — week of " + DAY.format(weekStart);
	}

	/** The words for each weekly-review task among {@code tasks}, by task id; other tasks are left out. */
	public Map<String, String> of(List<Tasklist.TaskView> tasks) {
		Map<WeekKey, List<String>> byWeek = new HashMap<>();
		for (Tasklist.TaskView task : tasks) {
			if (WeekReviewService.PROCESS.equals(task.processDefinitionKey()) && task.businessKey() != null
					&& task.businessKey().startsWith(WeekKey.PREFIX)) {
				try {
					byWeek.computeIfAbsent(WeekKey.parse(task.businessKey()), k -> new ArrayList<>()).add(task.id());
				}
				catch (RuntimeException notAWeek) {
					// left out: the page shows what it has
				}
			}
		}
		Map<String, String> labels = new HashMap<>();
		for (WeekReviewService.PersonWeek week : reviews.weeks(List.copyOf(byWeek.keySet()))) {
			String text = label(week.name(), week.weekStart());
			byWeek.getOrDefault(new WeekKey(week.userId(), week.weekStart()), List.of())
				.forEach(taskId -> labels.put(taskId, text));
		}
		return labels;
	}
}
