package org.rapport.sales.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dates that new records and the forecast start from are the application's today, in the form that date and
 * month fields read.
 */
@RapportTest
@Import(TestClock.Setup.class)
class TodayOnTheClockIntegrationTests {

	/** The last day of a month, so that "a month later" has to shorten to the end of the next one. */
	static final Instant LAST_OF_JANUARY = Instant.parse("2031-01-31T23:30:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestClock clock;

	User seller;

	@BeforeEach
	void onTheLastDayOfJanuary() {
		clock.setTo(LAST_OF_JANUARY);
		seller = data.user(data.team(), Role.SALES);
	}

	@Test
	void aNewOpportunityIsExpectedToCloseAMonthFromToday() throws Exception {
		mvc.perform(get("/opportunities/new").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"closeDate\" value=\"2031-02-28\"")));
	}

	@Test
	void aNewOrderIsDatedToday() throws Exception {
		mvc.perform(get("/orders/new").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"orderDate\" value=\"2031-01-31\"")));
	}

	@Test
	void aNewContractRunsForAYearFromToday() throws Exception {
		mvc.perform(get("/contracts/new").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"startDate\" value=\"2031-01-31\"")))
			.andExpect(content().string(containsString("name=\"endDate\" value=\"2032-01-30\"")));
	}

	@Test
	void theForecastStartsThisMonthUnlessAnotherIsAskedFor() throws Exception {
		mvc.perform(get("/forecast").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"from\" value=\"2031-01\"")));
		mvc.perform(get("/forecast").param("from", "not a month").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"from\" value=\"2031-01\"")));
	}
}
