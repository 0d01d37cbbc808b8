package org.rapport.analytics;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The models run on uploaded files through the API, as a script would call them: the published figures of the
 * public data sets come back, bad files are refused naming the field, and only administrators and analysts may.
 */
@RapportTest
class WorkbenchApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	private String analyst() {
		return data.bearer(data.user(data.team(), Role.ANALYST));
	}

	private static MockMultipartFile csv(String field, String text) {
		return new MockMultipartFile(field, field + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	private MockMultipartHttpServletRequestBuilder clvFit(String token, String file) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/analytics/clv/fit");
		request.file(csv("file", file))
			.param("customerColumn", "customer")
			.param("dateColumn", "date")
			.param("amountColumn", "amount")
			.param("dateFormat", "yyyyMMdd")
			.param("calibrationEnd", "1997-09-30")
			.header("Authorization", token);
		return request;
	}

	@Test
	void theLifetimeValueFitOfTheCdnowSampleGivesThePublishedParameters() throws Exception {
		mvc.perform(clvFit(analyst(), PublicData.cdnowCsv()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customers").value(2357))
			.andExpect(jsonPath("$.bgnbd.r").value(closeTo(0.243, 0.243 * 0.01), Double.class))
			.andExpect(jsonPath("$.bgnbd.alpha").value(closeTo(4.414, 4.414 * 0.01), Double.class))
			.andExpect(jsonPath("$.bgnbd.a").value(closeTo(0.793, 0.793 * 0.01), Double.class))
			.andExpect(jsonPath("$.bgnbd.b").value(closeTo(2.426, 2.426 * 0.01), Double.class))
			.andExpect(jsonPath("$.bgnbd.logLikelihood").value(closeTo(-9582.4, 0.1), Double.class))
			.andExpect(jsonPath("$.paretoNbd.r").value(closeTo(0.553, 0.553 * 0.01), Double.class))
			.andExpect(jsonPath("$.paretoNbd.logLikelihood").value(closeTo(-9595.0, 0.1), Double.class))
			.andExpect(jsonPath("$.gammaGamma.p").value(closeTo(6.25, 6.25 * 0.01), Double.class))
			.andExpect(jsonPath("$.gammaGamma.q").value(closeTo(3.74, 3.74 * 0.01), Double.class))
			.andExpect(jsonPath("$.gammaGamma.v").value(closeTo(15.44, 15.44 * 0.01), Double.class))
			.andExpect(jsonPath("$.predictions.length()").value(2357))
			// the sample runs to June 1998: 39 weeks of holdout after the calibration end
			.andExpect(jsonPath("$.tracking.length()").value(40));
	}

	@Test
	void aBadFileIsRefusedNamingTheFieldAndTheLine() throws Exception {
		String token = analyst();
		mvc.perform(clvFit(token, "customer,day,amount\n1,19970101,5\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dateColumn"));
		mvc.perform(clvFit(token, "customer,date,amount\n1,19970101,five\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("amountColumn"))
			.andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString("Line 2")));
		mvc.perform(clvFit(token, "customer,date,amount\n1,1997-01-01,5\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dateColumn"));
		mvc.perform(clvFit(token, ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("file")));
		mvc.perform(clvFit(token, "customer,date,amount\n").param("horizon", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("analytics.upload.noRows"));
		mvc.perform(clvFit(token, "customer,date,amount\n1,19970101,5\n").param("horizon", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("horizon"));
	}

	@Test
	void onlyAdministratorsAndAnalystsRunTheModelsOnFiles() throws Exception {
		String seller = data.bearer(data.user(data.team(), Role.SALES));
		mvc.perform(clvFit(seller, "customer,date,amount\n1,19970101,5\n")).andExpect(status().isForbidden());
	}

	private MockMultipartHttpServletRequestBuilder segments(String token, byte[] file, String... parameters) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/analytics/segments/evaluate");
		request.file(new MockMultipartFile("file", "mall.csv", "text/csv", file)).header("Authorization", token);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return request;
	}

	@Test
	void theMallCustomersSegmentAsPublished() throws Exception {
		String token = analyst();
		byte[] mall = PublicData.bytes("Mall_Customers.csv");
		mvc.perform(segments(token, mall, "features", "AnnualIncome,SpendingScore", "algorithm", "kmeans", "k", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(200))
			.andExpect(jsonPath("$.clusters").value(5))
			.andExpect(jsonPath("$.labels.length()").value(200))
			.andExpect(jsonPath("$.silhouette").value(org.hamcrest.Matchers.greaterThanOrEqualTo(0.55), Double.class))
			.andExpect(jsonPath("$.profiles[0].means.AnnualIncome").isNumber());
		mvc.perform(segments(token, mall, "features", "AnnualIncome,SpendingScore", "algorithm", "hierarchical", "k",
				"5", "linkage", "ward"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.silhouette").value(org.hamcrest.Matchers.greaterThanOrEqualTo(0.55), Double.class))
			.andExpect(jsonPath("$.dendrogram.merges").isArray());
		mvc.perform(segments(token, mall, "features", "AnnualIncome,SpendingScore", "algorithm", "dbscan", "eps", "0.3",
				"minSamples", "3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.clusters").value(9))
			.andExpect(jsonPath("$.kDistance.distances").isArray());
		mvc.perform(segments(token, mall, "features", "AnnualIncome,SpendingScore", "algorithm", "kmeans"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kScores.length()").value(9))
			.andExpect(jsonPath("$.clusters").value(5));
	}

	@Test
	void aSegmentationOfBadInputNamesTheField() throws Exception {
		String token = analyst();
		byte[] mall = PublicData.bytes("Mall_Customers.csv");
		mvc.perform(segments(token, mall, "features", "AnnualIncome,Height"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("features"));
		mvc.perform(segments(token, mall, "features", "Genre"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("features"));
		mvc.perform(segments(token, mall, "features", "AnnualIncome", "algorithm", "dbscan"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("eps"));
		mvc.perform(segments(token, mall, "features", "AnnualIncome", "algorithm", "spectral"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("algorithm"));
		mvc.perform(segments(token, mall, "features", "AnnualIncome", "k", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("k"));
	}

	/** Users in taste groups, each with items mostly of their group: some held out for the test file. */
	private static String[] interactions() {
		java.util.Random random = new java.util.Random(3);
		StringBuilder train = new StringBuilder("user;item\n");
		StringBuilder test = new StringBuilder("user;item\n");
		for (int user = 0; user < 300; user++) {
			int group = user % 6;
			java.util.Set<Integer> items = new java.util.TreeSet<>();
			while (items.size() < 8) {
				items.add(random.nextInt(10) < 8 ? group * 20 + random.nextInt(20) : random.nextInt(120));
			}
			int i = 0;
			for (int item : items) {
				(i++ < 6 ? train : test).append("u").append(user).append(';').append("p").append(item).append('\n');
			}
		}
		return new String[] { train.toString(), test.toString() };
	}

	private MockMultipartHttpServletRequestBuilder recommendations(String token, String train, String test,
			String... parameters) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/analytics/recommendations/evaluate");
		request.file(csv("train", train)).file(csv("test", test)).header("Authorization", token);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return request;
	}

	@Test
	void recommendationsAreEvaluatedAgainstTheHeldOutInteractionsBesideTheBaselines() throws Exception {
		String[] files = interactions();
		String body = mvc.perform(recommendations(analyst(), files[0], files[1], "userColumn", "user", "itemColumn",
				"item"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.users").value(300))
			.andExpect(jsonPath("$.k").value(10))
			.andExpect(jsonPath("$.precisionAtK").isNumber())
			.andExpect(jsonPath("$.recallAtK").isNumber())
			.andReturn()
			.getResponse()
			.getContentAsString();
		double model = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.precisionAtK")).doubleValue();
		double cosine = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.baselines.cosine.precisionAtK")).doubleValue();
		double popular = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.baselines.mostPopular.precisionAtK")).doubleValue();
		org.assertj.core.api.Assertions.assertThat(model).isGreaterThanOrEqualTo(cosine * 0.98)
			.isGreaterThan(popular);
	}

	@Test
	void anEvaluationOfBadFilesNamesTheField() throws Exception {
		String token = analyst();
		String[] files = interactions();
		mvc.perform(recommendations(token, files[0], files[1], "userColumn", "customer", "itemColumn", "item"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("userColumn"));
		mvc.perform(recommendations(token, "", files[1], "userColumn", "user", "itemColumn", "item"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("train"));
		mvc.perform(recommendations(token, files[0], files[1], "userColumn", "user", "itemColumn", "item", "k", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("k"));
		mvc.perform(recommendations(token, files[0], "user;item\nnobody;p1\n", "userColumn", "user", "itemColumn",
				"item"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("test"));
	}

	private MockMultipartHttpServletRequestBuilder churn(String token, byte[] file, String... parameters) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/analytics/churn/evaluate");
		request.file(new MockMultipartFile("file", "telco.csv", "text/csv", file)).header("Authorization", token);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return request;
	}

	@Test
	void theChurnModelsReachThePublishedAucOnTheTelcoCustomers() throws Exception {
		String body = mvc.perform(churn(analyst(), PublicData.bytes("telco-customer-churn.csv"), "target", "Churn", "positive", "Yes",
				"idColumn", "customerID", "algorithms", "logistic,tree,forest,gbt", "folds", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(7043))
			.andExpect(jsonPath("$.churned").value(1869))
			.andExpect(jsonPath("$.noChurnAccuracy").value(closeTo(0.735, 0.001), Double.class))
			.andExpect(jsonPath("$.imputation", org.hamcrest.Matchers.containsString("TotalCharges")))
			.andExpect(jsonPath("$.results[0].roc").isArray())
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.Map<String, Double> auc = new java.util.HashMap<>();
		for (Object result : com.jayway.jsonpath.JsonPath.<java.util.List<Object>>read(body, "$.results")) {
			java.util.Map<?, ?> figures = (java.util.Map<?, ?>) result;
			auc.put((String) figures.get("algorithm"), ((Number) figures.get("auc")).doubleValue());
		}
		org.assertj.core.api.Assertions.assertThat(auc).containsOnlyKeys("logistic", "tree", "forest", "gbt");
		org.assertj.core.api.Assertions.assertThat(auc.get("logistic")).isGreaterThanOrEqualTo(0.84);
		org.assertj.core.api.Assertions.assertThat(auc.get("forest")).isGreaterThanOrEqualTo(0.84);
		org.assertj.core.api.Assertions.assertThat(auc.get("gbt")).isGreaterThanOrEqualTo(0.84);
		org.assertj.core.api.Assertions.assertThat(auc.get("tree")).isGreaterThanOrEqualTo(0.82);
	}

	@Test
	void aChurnComparisonOfBadInputNamesTheField() throws Exception {
		String token = analyst();
		byte[] telco = PublicData.bytes("telco-customer-churn.csv");
		mvc.perform(churn(token, telco, "target", "Left", "positive", "Yes"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("target"));
		mvc.perform(churn(token, telco, "target", "Churn", "positive", "Maybe", "idColumn", "customerID"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("positive"));
		mvc.perform(churn(token, telco, "target", "Churn", "positive", "Yes", "idColumn", "customerID", "algorithms",
				"svm"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("algorithms"));
		mvc.perform(churn(token, telco, "target", "Churn", "positive", "Yes", "idColumn", "customerID", "folds", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("folds"));
	}
}
