package com.nexustime.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.nexustime.support.IntegrationTest;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The save's reads that share a round trip with the owner's lock still start after the lock is held: a save
 * sees the minutes that the save before it (same person) committed, so the 24-hour day holds under concurrency.
 */
class SaveRoundTripsTest extends IntegrationTest {

	@Test
	void concurrentSavesOfOnePersonNeverMakeADayLongerThan24Hours() throws Exception {
		TrackingFixture f = new TrackingFixture(jdbc);
		TimeEntryService service = context.getBean(TimeEntryService.class);
		CurrentUser staff = new CurrentUser(f.staff.id(), f.staff.email(), "Staff", "", true, Set.of(Role.STAFF));
		LocalDate day = LocalDate.now().minusDays(3);
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<Boolean>> saves = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			saves.add(pool.submit(() -> {
				start.await();
				try {
					// five hours each: four fit in a day, the fifth would make 25
					service.create(staff, new EntryRequest(EntryType.ACTIVITY, null, f.project, f.design, day, 300,
							null, null, null, "concurrent", true, false, null, null, null, null, null, null));
					return true;
				}
				catch (RuleViolationException refused) {
					assertThat(refused.getMessage()).contains("24");
					return false;
				}
			}));
		}
		start.countDown();
		int saved = 0;
		for (Future<Boolean> save : saves) {
			saved += save.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(saved).isEqualTo(4);
		assertThat(jdbc.sql("select sum(minutes) from time_entry where user_id = ? and entry_date = ?")
			.params(f.staff.id(), day).query(Integer.class).single()).isEqualTo(4 * 300);
	}
}
