package org.rapport.sales.contracts.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.rapport.customers.AccountId;
import org.rapport.sales.RunningContracts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The running contracts, read a page at a time by the key of the index on (status, end, id). */
@Component
class ContractTerms implements RunningContracts {

	/** How many contracts one read takes. */
	static final int PAGE = 10_000;

	private final JdbcTemplate jdbc;
	private final int pageSize;

	@org.springframework.beans.factory.annotation.Autowired
	ContractTerms(JdbcTemplate jdbc) {
		this(jdbc, PAGE);
	}

	ContractTerms(JdbcTemplate jdbc, int pageSize) {
		this.jdbc = jdbc;
		this.pageSize = pageSize;
	}

	@Override
	public void forEach(String currency, Consumer<RunningContract> each) {
		record Row(UUID id, RunningContract contract) {
		}
		Row last = null;
		while (true) {
			List<Row> page = new ArrayList<>(pageSize);
			String after = last == null ? "" : " and (end_date > ? or (end_date = ? and id > ?))";
			Object[] arguments = last == null ? new Object[] { currency }
					: new Object[] { currency, Date.valueOf(last.contract().end()), Date.valueOf(last.contract().end()),
							last.id() };
			jdbc.query("select id, account_id, start_date, end_date, contract_value from contract "
					+ "where status = 'ACTIVE' and currency = ?" + after + " order by end_date, id limit " + pageSize,
					rs -> {
						page.add(new Row(rs.getObject(1, UUID.class),
								new RunningContract(new AccountId(rs.getObject(2, UUID.class)),
										rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
										rs.getBigDecimal(5))));
					}, arguments);
			page.forEach(row -> each.accept(row.contract()));
			if (page.size() < pageSize) {
				return;
			}
			last = page.get(page.size() - 1);
		}
	}
}
