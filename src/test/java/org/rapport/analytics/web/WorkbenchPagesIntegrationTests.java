package org.rapport.analytics.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.analytics.PublicData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The workbench's pages run the models on an uploaded file and show the figures, keep what the user typed when a
 * value is refused and show the refusal at its field, and are there for analysts and administrators only.
 */
@RapportTest
class WorkbenchPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	private static MockMultipartFile file(String text) {
		return new MockMultipartFile("file", "data.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void anAnalystFitsTheLifetimeValueModelsToAFileAndSeesTheParameters() throws Exception {
		User analyst = data.user(data.team(), Role.ANALYST);
		mvc.perform(get("/analytics/workbench/clv").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"clv-form\"")));
		mvc.perform(multipart("/analytics/workbench/clv").file(file(PublicData.cdnowCsv()))
			.param("customerColumn", "customer")
			.param("dateColumn", "date")
			.param("amountColumn", "amount")
			.param("dateFormat", "yyyyMMdd")
			.param("calibrationEnd", "1997-09-30")
			.param("periodUnit", "week")
			.param("horizon", "39")
			.param("discountRate", "0")
			.with(data.as(analyst))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"clv-parameters\"")))
			.andExpect(content().string(containsString("r = 0.2426")))
			.andExpect(content().string(containsString("id=\"tracking-chart\"")));
	}

	@Test
	void aRefusedColumnIsShownAtItsFieldWithWhatTheUserTyped() throws Exception {
		User analyst = data.user(data.team(), Locale.SIMPLIFIED_CHINESE, Role.ANALYST);
		mvc.perform(multipart("/analytics/workbench/clv").file(file("customer,date,amount\n1,2024-01-02,5\n"))
			.param("customerColumn", "customer")
			.param("dateColumn", "date")
			.param("amountColumn", "revenue")
			.param("dateFormat", "yyyy-MM-dd")
			.param("periodUnit", "week")
			.param("horizon", "39")
			.locale(Locale.SIMPLIFIED_CHINESE)
			.with(data.as(analyst))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"revenue\"")))
			.andExpect(content().string(containsString("id=\"amountColumn-error\"")))
			.andExpect(content().string(containsString("文件中没有列")))
			.andExpect(content().string(not(containsString("id=\"clv-result\""))));
	}

	@Test
	void aSellerHasNoWorkbench() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		mvc.perform(get("/analytics/workbench/clv").with(data.as(seller))).andExpect(status().isForbidden());
		mvc.perform(get("/").with(data.as(seller)))
			.andExpect(content().string(not(containsString("/analytics/workbench"))));
		mvc.perform(get("/").with(data.as(data.user(data.team(), Role.ADMIN))))
			.andExpect(content().string(containsString("/analytics/workbench")));
	}

	@Test
	void anAnalystSegmentsAFileAndSeesTheClusters() throws Exception {
		User analyst = data.user(data.team(), Role.ANALYST);
		mvc.perform(get("/analytics/workbench/segments").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"segments-form\"")));
		for (String[] run : new String[][] { { "kmeans", "5", "" }, { "hierarchical", "5", "" }, { "dbscan", "", "0.3" },
				{ "kmeans", "", "" } }) {
			mvc.perform(multipart("/analytics/workbench/segments")
				.file(new MockMultipartFile("file", "mall.csv", "text/csv", PublicData.bytes("Mall_Customers.csv")))
				.param("features", "AnnualIncome,SpendingScore")
				.param("algorithm", run[0])
				.param("k", run[1])
				.param("eps", run[2].isEmpty() ? "0.5" : run[2])
				.param("minSamples", "3")
				.param("linkage", "ward")
				.param("scaling", "standardize")
				.param("seed", "42")
				.with(data.as(analyst))
				.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"segments-profiles\"")))
				.andExpect(content().string(containsString("id=\"scatter-chart\"")))
				.andExpect(content().string(run[0].equals("hierarchical") ? containsString("id=\"tree-chart\"")
						: not(containsString("id=\"tree-chart\""))));
		}
		mvc.perform(multipart("/analytics/workbench/segments")
			.file(new MockMultipartFile("file", "mall.csv", "text/csv", PublicData.bytes("Mall_Customers.csv")))
			.param("features", "Income")
			.param("algorithm", "kmeans")
			.with(data.as(analyst))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"Income\"")))
			.andExpect(content().string(containsString("id=\"features-error\"")));
	}

	@Test
	void anAnalystComparesChurnModelsAndEvaluatesRecommendationsOnFiles() throws Exception {
		User analyst = data.user(data.team(), Role.ANALYST);
		for (String part : new String[] { "churn", "recommendations" }) {
			mvc.perform(get("/analytics/workbench/" + part).with(data.as(analyst))).andExpect(status().isOk());
		}
		mvc.perform(multipart("/analytics/workbench/churn")
			.file(new MockMultipartFile("file", "telco.csv", "text/csv", PublicData.bytes("telco-customer-churn.csv")))
			.param("target", "Churn")
			.param("positive", "Yes")
			.param("idColumn", "customerID")
			.param("algorithms", "logistic", "tree")
			.param("folds", "3")
			.param("seed", "42")
			.with(data.as(analyst))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"churn-results\"")))
			.andExpect(content().string(containsString("id=\"roc-chart\"")));
		mvc.perform(multipart("/analytics/workbench/churn")
			.file(new MockMultipartFile("file", "telco.csv", "text/csv", PublicData.bytes("telco-customer-churn.csv")))
			.param("target", "Churned")
			.param("positive", "Yes")
			.param("algorithms", "logistic")
			.param("folds", "3")
			.with(data.as(analyst))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"Churned\"")))
			.andExpect(content().string(containsString("id=\"target-error\"")));

		String train = "user,item\na,p1\na,p2\nb,p1\nb,p2\nc,p1\nc,p3\nd,p2\nd,p3\n";
		String test = "user,item\na,p3\nb,p3\nc,p2\nd,p1\n";
		mvc.perform(multipart("/analytics/workbench/recommendations")
			.file(new MockMultipartFile("train", "train.csv", "text/csv", train.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("test", "test.csv", "text/csv", test.getBytes(StandardCharsets.UTF_8)))
			.param("userColumn", "user")
			.param("itemColumn", "item")
			.param("k", "2")
			.with(data.as(analyst))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"recommendations-quality\"")))
			.andExpect(content().string(containsString("id=\"quality-chart\"")));
		mvc.perform(multipart("/analytics/workbench/recommendations")
			.file(new MockMultipartFile("train", "train.csv", "text/csv", train.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("test", "test.csv", "text/csv", test.getBytes(StandardCharsets.UTF_8)))
			.param("userColumn", "customer")
			.param("itemColumn", "item")
			.param("k", "2")
			.with(data.as(analyst))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"userColumn-error\"")));
	}
}
