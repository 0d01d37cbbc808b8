package org.rapport.web.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with fewer database connections than Rapport needs: with one, work that holds a connection while
 * it needs a second (a transaction of its own inside another) waits for itself, and the application never finishes
 * starting. Two carry a user and an import with its search indexing.
 */
@Component
public class PoolSize implements BeanPostProcessor {

	/** The fewest connections Rapport works with; see the README on sizing the pool. */
	public static final int MINIMUM = 2;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof HikariDataSource pool) {
			check(pool.getMaximumPoolSize());
		}
		return bean;
	}

	static void check(int size) {
		if (size < MINIMUM) {
			throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size (rapport.db-pool-size) is "
					+ size + ", but Rapport needs at least " + MINIMUM + " database connections; set it to "
					+ MINIMUM + " or more");
		}
	}
}
