package org.rapport.search.internal;

import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.rapport.shared.BusinessRecord;

/**
 * Indexes the owner and the team of every business record as the keyword fields {@code ownerId} and
 * {@code teamId}, so that the global search applies the visibility rule in its query. The mapping is declared on
 * {@link BusinessRecord} and so holds for each indexed entity that extends it; it lives here rather than as
 * annotations on the base class, which belongs to {@code shared} and knows nothing of the index.
 */
public class VisibilityFields implements HibernateOrmSearchMappingConfigurer {

	@Override
	public void configure(HibernateOrmMappingConfigurationContext context) {
		var record = context.programmaticMapping().type(BusinessRecord.class);
		record.property("ownerId").keywordField();
		record.property("teamId").keywordField();
	}
}
