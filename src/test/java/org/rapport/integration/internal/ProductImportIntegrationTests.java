package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ImportJob.Status;
import org.rapport.shared.NotPermitted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@RapportTest
class ProductImportIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void chineseHeadersAndTextImportAndBadRowsAreRejectedByTheirLine() {
		Actor manager = data.actor(data.user(data.team(), Role.MANAGER));
		String sku = TestData.unique("茶-");
		String file = "产品编号,产品名称,类别,单价,币种,启用,描述\n" + sku + ",龙井绿茶 250 克,茶叶,\"¥1,280.50\",cny,是,明前特级\n"
				+ TestData.unique("BAD") + ",No price,,abc,EUR,,\n" + TestData.unique("NEG") + ",Negative,,-5,EUR,,\n"
				+ TestData.unique("CUR") + ",Bad currency,,10,XYZ,,\n" + ",No SKU,,10,EUR,,\n";

		ImportJob job = importFile(manager, file, DuplicateMode.SKIP, MatchBy.NUMBER);

		assertThat(job.status()).isEqualTo(Status.DONE);
		assertThat(job.createdRows()).isEqualTo(1);
		assertThat(job.rejectedRows()).isEqualTo(4);
		Map<String, Object> tea = jdbc.queryForMap(
				"select name, category, unit_price, currency, active, description from product where sku = ?", sku);
		assertThat(tea).containsEntry("name", "龙井绿茶 250 克").containsEntry("category", "茶叶")
			.containsEntry("currency", "CNY").containsEntry("active", true).containsEntry("description", "明前特级");
		assertThat((BigDecimal) tea.get("unit_price")).isEqualByComparingTo("1280.50");
		List<ImportJobs.RejectedRow> rejected = imports.rejected(manager, job.id(), 10);
		assertThat(rejected).extracting(ImportJobs.RejectedRow::line).containsExactly(3L, 4L, 5L, 6L);
		assertThat(rejected.get(0).reasons()).contains("Unit price");
		assertThat(rejected.get(2).reasons()).contains("Currency", "ISO 4217");
		assertThat(rejected.get(3).reasons()).contains("SKU");
	}

	@Test
	void productsMatchBySkuWithoutCaseSkippedOrUpdatedAndNewOnesDefaultToEurosAndActive() {
		Actor admin = data.actor(data.user(data.team(), Role.ADMIN));
		String sku = TestData.unique("SKU-A");
		importFile(admin, "SKU,Name,Unit Price,Category\n" + sku + ",Widget,10,Tools\n", DuplicateMode.SKIP,
				MatchBy.NUMBER);
		assertThat(jdbc.queryForMap("select currency, active from product where sku = ?", sku))
			.containsEntry("currency", "EUR").containsEntry("active", true);

		ImportJob skipped = importFile(admin, "SKU,Name,Unit Price\n" + sku.toLowerCase() + ",Renamed,12\n",
				DuplicateMode.SKIP, MatchBy.NUMBER);
		assertThat(skipped.skippedRows()).isEqualTo(1);
		assertThat(name(sku)).isEqualTo("Widget");

		ImportJob updated = importFile(admin, "SKU,Name,Unit Price,Active\n" + sku.toLowerCase() + ",Renamed,12,no\n",
				DuplicateMode.UPDATE, MatchBy.NUMBER);
		assertThat(updated.updatedRows()).isEqualTo(1);
		assertThat(jdbc.queryForMap("select sku, name, unit_price, active, category from product where lower(sku) = ?",
				sku.toLowerCase()))
			.containsEntry("sku", sku).containsEntry("name", "Renamed").containsEntry("active", false)
			.containsEntry("category", "Tools");

		ImportJob created = importFile(admin, "SKU,Name,Unit Price\n" + sku + ",Again,1\n", DuplicateMode.CREATE,
				MatchBy.NUMBER);
		assertThat(created.createdRows()).isZero();
		assertThat(imports.rejected(admin, created.id(), 10).get(0).reasons()).contains(sku.toLowerCase());
	}

	@Test
	void productsMatchByExternalIdAndAnSkuOfAnotherProductIsRefused() {
		Actor admin = data.actor(data.user(data.team(), Role.ADMIN));
		String id = TestData.unique("ERP");
		String sku = TestData.unique("SKU-E");
		String other = TestData.unique("SKU-O");
		importFile(admin, "External ID,SKU,Name,Price\n" + id + "," + sku + ",First,5\nX" + id + "," + other
				+ ",Other,5\n", DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);

		ImportJob job = importFile(admin, "External ID,SKU,Name,Price\n" + id + "," + sku + "-2,Second,6\nX" + id + ","
				+ sku + "-2,Clash,6\n", DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);

		assertThat(job.updatedRows()).isEqualTo(1);
		assertThat(job.rejectedRows()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select sku from product where external_id = ?", String.class, id))
			.isEqualTo(sku + "-2");
		assertThat(name(other)).isEqualTo("Other");
	}

	@Test
	void onlyAdministratorsAndManagersImportProducts() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		assertThat(imports.mayImport(seller, "products")).isFalse();
		assertThat(imports.mayImport(seller, "leads")).isTrue();
		assertThatThrownBy(() -> imports.upload(seller, "products", "p.csv",
				new ByteArrayInputStream("SKU,Name,Price\nA,B,1\n".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(NotPermitted.class);
	}

	@Test
	void undoDeletesCreatedProductsAndRestoresUpdatedOnes() {
		Actor manager = data.actor(data.user(data.team(), Role.MANAGER));
		String sku = TestData.unique("SKU-U");
		String fresh = TestData.unique("SKU-N");
		importFile(manager, "SKU,Name,Price\n" + sku + ",Before,1\n", DuplicateMode.SKIP, MatchBy.NUMBER);
		ImportJob job = importFile(manager, "SKU,Name,Price\n" + sku + ",After,2\n" + fresh + ",Fresh,3\n",
				DuplicateMode.UPDATE, MatchBy.NUMBER);
		assertThat(name(sku)).isEqualTo("After");

		imports.undo(manager, job.id());

		assertThat(name(sku)).isEqualTo("Before");
		assertThat(jdbc.queryForObject("select count(*) from product where sku = ?", Integer.class, fresh)).isZero();
	}

	private String name(String sku) {
		return jdbc.queryForObject("select name from product where sku = ?", String.class, sku);
	}

	private ImportJob importFile(Actor actor, String content, DuplicateMode mode, MatchBy matchBy) {
		return ImportRuns.run(imports, actor, "products", content, mode, matchBy);
	}
}
