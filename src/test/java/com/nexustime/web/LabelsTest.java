package com.nexustime.web;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.nexustime.approval.Grouping;
import com.nexustime.catalog.ActivityCategory;
import com.nexustime.catalog.BillingMode;
import com.nexustime.catalog.ProjectStatus;
import com.nexustime.catalog.ProjectType;
import com.nexustime.crm.DealStage;
import com.nexustime.rates.RateScope;
import com.nexustime.reporting.ActivityCategoryNames;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.Labels;
import com.nexustime.tracking.EntryStatus;
import com.nexustime.tracking.EntryType;
import com.nexustime.workspace.WeekStart;

import static org.assertj.core.api.Assertions.assertThat;

/** The one naming place for codes: the words people read, by kind where the kind changes them. */
class LabelsTest {

	private final Labels labels = new Labels();

	@Test
	void theIssuesExamplesReadAsWords() {
		assertThat(labels.of(ProjectType.PER_PIECE)).isEqualTo("Per piece");
		assertThat(labels.of(BillingMode.INVOICE_BUDGET)).isEqualTo("Invoice budget");
		assertThat(labels.of(ActivityCategory.DESIGN_CREATIVE)).isEqualTo("Design / creative");
		assertThat(labels.of(EntryStatus.IN_PROCESS)).isEqualTo("In process");
		assertThat(labels.of(EntryStatus.FINALIZED)).isEqualTo("Finalized");
		assertThat(labels.of(ProjectStatus.ARTWORK_COMPLETE)).isEqualTo("Artwork complete");
		assertThat(labels.of(Role.PROCESS_OWNER)).isEqualTo("Process owner");
		assertThat(labels.of(Role.ADMIN)).isEqualTo("Administrator");
		assertThat(labels.of(RateScope.USER)).isEqualTo("Person");
		assertThat(labels.of(Grouping.TASK)).isEqualTo("Project and activity");
	}

	@Test
	void codesKeptAsTextReadTheSameAsEnumConstants() {
		assertThat(labels.of("PER_PIECE")).isEqualTo(labels.of(ProjectType.PER_PIECE));
		assertThat(labels.of("invoice", "DRAFT")).isEqualTo("Draft");
		assertThat(labels.of("week", "SUBMITTED")).isEqualTo("Submitted");
		assertThat(labels.of("mail", "PENDING")).isEqualTo("Waiting to be sent");
	}

	@Test
	void theKindChangesTheWordsWhereTheSameCodeMeansSomethingElse() {
		assertThat(labels.of("approval", "SENT")).isEqualTo("Waiting for client");
		assertThat(labels.of("invoice", "SENT")).isEqualTo("Sent");
		assertThat(labels.of("mail", "SENT")).isEqualTo("Sent");
	}

	@Test
	void everyConstantShownOnAPageHasWordsOfItsOwn() {
		List<Enum<?>> shown = Stream.<Enum<?>[]>of(ProjectType.values(), BillingMode.values(), ProjectStatus.values(),
				ActivityCategory.values(), EntryStatus.values(), EntryType.values(), DealStage.values(),
				RateScope.values(), Role.values(), Grouping.values(), WeekStart.values())
			.<Enum<?>>flatMap(Stream::of).toList();
		assertThat(shown).allSatisfy(constant -> {
			assertThat(Labels.named(constant.name())).as("words for %s", constant).isTrue();
			assertThat(labels.of(constant)).as("words for %s", constant).doesNotContainPattern("[A-Z]{2,}|_");
		});
	}

	@Test
	void aCodeNobodyNamedYetStillReadsAsWordsAndOtherTextIsLeftAlone() {
		assertThat(labels.of("SOME_NEW_STATE")).isEqualTo("Some new state");
		assertThat(labels.of("Ada Lovelace")).isEqualTo("Ada Lovelace");
		assertThat(labels.of((Object) null)).isEmpty();
	}

	@Test
	void reportsNameCategoriesFromTheSamePlace() {
		for (ActivityCategory category : ActivityCategory.values()) {
			assertThat(ActivityCategoryNames.of(category.name())).isEqualTo(labels.of(category));
		}
		assertThat(ActivityCategoryNames.of(null)).isEqualTo(ActivityCategoryNames.NO_ACTIVITY);
	}
}
