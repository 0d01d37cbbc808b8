package org.rapport.web.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PoolSizeTests {

	@Test
	void aPoolOfOneConnectionIsRefusedAtStartWithWhatToSet() {
		HikariDataSource pool = new HikariDataSource();
		pool.setMaximumPoolSize(1);

		assertThatThrownBy(() -> new PoolSize().postProcessAfterInitialization(pool, "dataSource"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("spring.datasource.hikari.maximum-pool-size")
			.hasMessageContaining("at least " + PoolSize.MINIMUM);
	}

	@Test
	void theSmallestPoolThatWorksIsAccepted() {
		HikariDataSource pool = new HikariDataSource();
		pool.setMaximumPoolSize(PoolSize.MINIMUM);

		assertThatCode(() -> new PoolSize().postProcessAfterInitialization(pool, "dataSource")).doesNotThrowAnyException();
	}
}
