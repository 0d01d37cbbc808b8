package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ImportJob.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@RapportTest
class OrderImportIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportRunner runner;

	@Autowired
	CustomFieldService fields;

	List<UUID> defined = new ArrayList<>();

	@AfterEach
	void retireFields() {
		defined.forEach(fields::retire);
	}

	@AfterEach
	void noCrashes() {
		runner.afterBatch(null);
	}

	record Catalogue(String account, String skuA, String nameB) {
	}

	private Catalogue catalogue(Actor actor) {
		String account = TestData.unique("华东贸易");
		importFile(actor, "accounts", "客户名称\n" + account + "\n", DuplicateMode.CREATE, MatchBy.NAME);
		String skuA = TestData.unique("A");
		String nameB = TestData.unique("产品乙");
		importFile(actor, "products", "SKU,Product,Unit Price,Currency\n" + skuA + ",产品甲 " + skuA
				+ ",100,CNY\n" + TestData.unique("B") + "," + nameB + ",80,CNY\n", DuplicateMode.CREATE,
				MatchBy.NUMBER);
		return new Catalogue(account, skuA, nameB);
	}

	@Test
	void chineseFilesMakeOneOrderOfTheRowsOfEachOrderIdAndRejectAnOrderWholeByTheLinesOfItsRows() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		Catalogue c = catalogue(actor);
		String first = TestData.unique("DD");
		String second = TestData.unique("DD");
		String file = "订单号,客户,产品,数量,单价,订单日期,状态,币种,备注\n"
				+ first + "," + c.account() + "," + c.skuA() + ",2,,2026年3月1日,已确认,CNY,首批订单\n"
				+ first + ",," + c.nameB() + ",1,50,,,,\n"
				+ second + "," + c.account() + "," + c.nameB() + ",3,,2026-03-02,,CNY,\n"
				+ second + ",," + c.skuA() + ",1,,,,,\n"
				+ second + ",," + c.skuA().toLowerCase() + ",1,,,,,\n"
				+ "X1," + c.account() + ",没有这个产品,1,10,2026-03-03,,CNY,\n"
				+ "X1,," + c.skuA() + ",1,,,,,\n"
				+ "X2,Nobody " + TestData.unique("x") + "," + c.skuA() + ",1,,2026-03-04,,CNY,\n"
				+ "X2,," + c.skuA() + ",1,,,,,\n"
				+ "X3," + c.account() + "," + c.skuA() + ",0,,2026-03-04,,CNY,\n";

		ImportJob job = importFile(actor, "orders", file, DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);

		assertThat(job.status()).isEqualTo(Status.DONE);
		// rows: five lines make two orders
		assertThat(job.createdRows()).isEqualTo(5);
		Map<String, Object> one = jdbc.queryForMap("select o.id, o.number, o.total, o.currency, o.order_date, "
				+ "o.status, o.notes, o.confirmed_at, a.name account from sales_order o join account a on "
				+ "a.id = o.account_id where o.external_id = ?", first);
		assertThat(one).containsEntry("currency", "CNY").containsEntry("status", "CONFIRMED")
			.containsEntry("account", c.account()).containsEntry("notes", "首批订单")
			.containsEntry("order_date", Date.valueOf("2026-03-01"));
		assertThat(one.get("confirmed_at")).isNotNull();
		assertThat((BigDecimal) one.get("total")).isEqualByComparingTo("250");
		List<Map<String, Object>> lines = jdbc.queryForList("select l.position, l.quantity, l.unit_price, p.sku "
				+ "from sales_order_line l join product p on p.id = l.product_id where l.order_id = ? "
				+ "order by l.position", one.get("id"));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).containsEntry("sku", c.skuA());
		assertThat((BigDecimal) lines.get(0).get("unit_price")).isEqualByComparingTo("100");
		assertThat((BigDecimal) lines.get(1).get("unit_price")).isEqualByComparingTo("50");
		Map<String, Object> two = jdbc.queryForMap("select id, number, total, status from sales_order "
				+ "where external_id = ?", second);
		assertThat(two).containsEntry("status", "DRAFT");
		assertThat((BigDecimal) two.get("total")).isEqualByComparingTo("440");
		assertThat(jdbc.queryForObject("select count(*) from sales_order_line where order_id = ?", Integer.class,
				two.get("id"))).isEqualTo(3);
		String firstNumber = (String) one.get("number");
		assertThat(firstNumber).matches("ORD-\\d{6}");
		assertThat((String) two.get("number")).matches("ORD-\\d{6}").isNotEqualTo(firstNumber);
		assertThat(jdbc.queryForObject("select count(*) from sales_order where external_id in ('X1', 'X2', 'X3')",
				Integer.class)).isZero();

		List<ImportJobs.RejectedRow> rejected = imports.rejected(actor, job.id(), 10);
		assertThat(rejected).extracting(ImportJobs.RejectedRow::line).containsExactly(7L, 8L, 9L, 10L, 11L);
		assertThat(rejected.get(0).reasons()).contains("没有这个产品");
		assertThat(rejected.get(1).reasons()).contains("(line 7)");
		assertThat(rejected.get(2).reasons()).contains("Nobody");
		assertThat(rejected.get(3).reasons()).contains("(line 9)");
		assertThat(rejected.get(4).reasons()).contains("Quantity");
	}

	@Test
	void ordersMatchByExternalIdToBeSkippedWholeOrChangedAsTheirPagesChangeThemAndUndone() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		Catalogue c = catalogue(actor);
		String external = TestData.unique("ORD");
		String header = "Order ID,Account,Product,Quantity,Order Date\n";
		String rows = external + "," + c.account() + "," + c.skuA() + ",1,2026-04-01\n" + external + ",,"
				+ c.nameB() + ",2,\n";
		importFile(actor, "orders", header + rows, DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		String number = jdbc.queryForObject("select number from sales_order where external_id = ?", String.class,
				external);

		ImportJob skipped = importFile(actor, "orders", header + rows + external + ",,"
				+ c.skuA() + ",5,\n", DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		assertThat(skipped.skippedRows()).isEqualTo(3);
		assertThat(skipped.createdRows()).isZero();
		assertThat(jdbc.queryForMap("select number, total from sales_order where external_id = ?", external))
			.containsEntry("number", number);
		assertThat(jdbc.queryForObject("select count(*) from sales_order_line l join sales_order o on "
				+ "o.id = l.order_id where o.external_id = ?", Integer.class, external)).isEqualTo(2);

		ImportJob created = importFile(actor, "orders", header + rows, DuplicateMode.CREATE,
				MatchBy.EXTERNAL_ID);
		assertThat(created.rejectedRows()).isEqualTo(2);

		ImportJob updated = importFile(actor, "orders", header + external + "," + c.account() + "," + c.skuA()
				+ ",3,2026-04-02\n"
				+ external + ",," + c.nameB() + ",2,\n", DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);
		assertThat(updated.updatedRows()).isEqualTo(2);
		assertThat(updated.createdRows()).isZero();
		Map<String, Object> order = jdbc.queryForMap("select id, number, total, order_date from sales_order "
				+ "where external_id = ?", external);
		// the order's own sum: 3 × 100 + 2 × 80
		assertThat(order).containsEntry("number", number).containsEntry("order_date", Date.valueOf("2026-04-02"));
		assertThat((BigDecimal) order.get("total")).isEqualByComparingTo("460");
		assertThat(jdbc.queryForObject("select sum(quantity) from sales_order_line where order_id = ?",
				BigDecimal.class, order.get("id"))).isEqualByComparingTo("5");

		imports.undo(actor, updated.id());
		assertThat((BigDecimal) jdbc.queryForObject("select total from sales_order where external_id = ?",
				BigDecimal.class, external)).isEqualByComparingTo("260");
		assertThat(jdbc.queryForObject("select sum(quantity) from sales_order_line where order_id = ?",
				BigDecimal.class, order.get("id"))).isEqualByComparingTo("3");
	}

	@Test
	void anOrderIsInTheCurrencyItsUnitPricesAreWrittenInElseInItsFirstProductsNeverInTheImports() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		Catalogue c = catalogue(actor);
		String dollars = TestData.unique("US");
		String yuan = TestData.unique("CN");
		String mixed = TestData.unique("MX");
		String file = "Order ID,Account,Product,Quantity,Unit Price,Order Date\n"
				+ dollars + "," + c.account() + "," + c.skuA() + ",2,\"$15.50\",2026-03-01\n"
				+ yuan + "," + c.account() + "," + c.skuA() + ",1,,2026-03-01\n"
				+ yuan + ",," + c.nameB() + ",1,70,\n"
				+ mixed + "," + c.account() + "," + c.skuA() + ",1,\"€10\",2026-03-01\n"
				+ mixed + ",," + c.nameB() + ",1,\"$10\",\n";

		ImportJob job = importFile(actor, "orders", file, DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);

		assertThat(job.createdRows()).isEqualTo(3);
		Map<String, Object> inDollars = jdbc.queryForMap("select total, currency from sales_order where external_id = ?",
				dollars);
		assertThat(inDollars).containsEntry("currency", "USD");
		assertThat((BigDecimal) inDollars.get("total")).isEqualByComparingTo("31");
		// no price names a currency: the first product's (yuan), whatever the import's currency of amounts
		assertThat(job.currency()).isNotEqualTo("CNY");
		Map<String, Object> inYuan = jdbc.queryForMap("select total, currency from sales_order where external_id = ?",
				yuan);
		assertThat(inYuan).containsEntry("currency", "CNY");
		assertThat((BigDecimal) inYuan.get("total")).isEqualByComparingTo("170");
		// lines written in two currencies make no order
		assertThat(imports.rejected(actor, job.id(), 10)).extracting(ImportJobs.RejectedRow::line)
			.containsExactly(5L, 6L);
	}

	@Test
	void aRowWithoutTheOrdersExternalIdOrIdIsRejectedNamingTheColumn() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		Catalogue c = catalogue(actor);
		ImportJob job = importFile(actor, "orders", "Order ID,Account,Product,Quantity,Order Date\n,"
				+ c.account() + "," + c.skuA() + ",1,2026-04-01\n", DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		assertThat(job.rejectedRows()).isEqualTo(1);
		assertThat(imports.rejected(actor, job.id(), 10).get(0).reasons()).contains("new order needs its external ID");
	}

	@Test
	void customFieldsOfAnOrderComeFromItsFirstRow() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		Catalogue c = catalogue(actor);
		String channel = "channel" + TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		defined.add(fields.define("order", channel, FieldType.PICK_LIST, new FieldText("Channel", "渠道", null, null,
				false, null, List.of("Web", "Shop"), null)).getId());
		String external = TestData.unique("CF");
		ImportJob job = importFile(actor, "orders", "Order ID,Account,Product,Quantity,Order Date,cf."
				+ channel + "\n" + external + "," + c.account() + "," + c.skuA() + ",1,2026-05-01,Web\n" + external
				+ ",," + c.nameB() + ",1,,Shop\n", DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		assertThat(job.createdRows()).isEqualTo(2);
		UUID id = jdbc.queryForObject("select id from sales_order where external_id = ?", UUID.class, external);
		assertThat(fields.valuesOf("order", List.of(id)).get(id)).containsEntry(channel, "Web");
	}

	@Test
	void undoDeletesCreatedOrdersWithTheirLines() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		Catalogue c = catalogue(actor);
		String external = TestData.unique("U");
		ImportJob job = importFile(actor, "orders", "Order External ID,Account,SKU,Qty,Date,Currency\n"
				+ external + "," + c.account() + "," + c.skuA() + ",1,2026-05-01,CNY\n" + external + ","
				+ c.account() + "," + c.nameB() + ",4,,\n", DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		assertThat(job.createdRows()).isEqualTo(2);
		Object id = jdbc.queryForObject("select id from sales_order where external_id = ?", Object.class, external);
		assertThat(jdbc.queryForObject("select count(*) from sales_order_line where order_id = ?", Integer.class,
				id)).isEqualTo(2);

		imports.undo(actor, job.id());

		assertThat(jdbc.queryForObject("select count(*) from sales_order where external_id = ?", Integer.class,
				external)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sales_order_line where order_id = ?", Integer.class,
				id)).isZero();
	}

	@Test
	void aBatchRunsOnToTheLastRowOfItsOrderSoThatAResumedRunNeverSplitsOne() throws Exception {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		Catalogue c = catalogue(actor);
		String tag = TestData.unique("B");
		StringBuilder file = new StringBuilder("Order ID,Account,Product,Quantity,Order Date\n");
		// the batch of 1,000 rows would end on the second line of the order "big"
		for (int i = 0; i < 998; i++) {
			file.append(tag).append('-').append(i).append(',').append(c.account()).append(',').append(c.skuA())
				.append(",1,2026-07-01\n");
		}
		for (int i = 0; i < 3; i++) {
			file.append(tag).append("-big,").append(i == 0 ? c.account() : "").append(',').append(c.skuA())
				.append(",1,").append(i == 0 ? "2026-07-01" : "").append('\n');
		}
		file.append(tag).append("-last,").append(c.account()).append(',').append(c.skuA()).append(",1,2026-07-01\n");
		file.append(tag).append("-last,,").append(c.nameB()).append(",1,\n");
		CountDownLatch crashed = new CountDownLatch(1);
		runner.afterBatch(batch -> {
			if (batch == 1) {
				crashed.countDown();
				throw new ImportIntegrationTests.SimulatedCrash();
			}
		});
		ImportJob job = imports.upload(actor, "orders", "orders.csv",
				new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
		imports.configure(actor, job.id(), new LinkedHashMap<>(job.mapping()), DuplicateMode.SKIP,
				MatchBy.EXTERNAL_ID, null);
		imports.start(actor, job.id());
		assertThat(crashed.await(60, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(200);
		runner.afterBatch(null);

		runner.markInterrupted();
		ImportJob interrupted = imports.job(actor, job.id());
		assertThat(interrupted.status()).isEqualTo(Status.INTERRUPTED);
		assertThat(interrupted.processedRows()).isEqualTo(1001);
		assertThat(jdbc.queryForObject("select count(*) from sales_order_line l join sales_order o on "
				+ "o.id = l.order_id where o.external_id = ?", Integer.class, tag + "-big")).isEqualTo(3);

		imports.resume(actor, job.id());
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		ImportJob done = imports.job(actor, job.id());
		while (!done.isFinished() && System.nanoTime() < deadline) {
			Thread.sleep(20);
			done = imports.job(actor, job.id());
		}
		assertThat(done.status()).isEqualTo(Status.DONE);
		assertThat(done.createdRows()).isEqualTo(1003);
		assertThat(done.rejectedRows()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sales_order where external_id like ?", Integer.class,
				tag + "-%")).isEqualTo(1000);
		assertThat(jdbc.queryForObject("select count(*) from sales_order_line l join sales_order o on "
				+ "o.id = l.order_id where o.external_id = ?", Integer.class, tag + "-last")).isEqualTo(2);
	}

	private ImportJob importFile(Actor actor, String entity, String content, DuplicateMode mode,
			MatchBy matchBy) {
		return ImportRuns.run(imports, actor, entity, content, mode, matchBy);
	}
}
