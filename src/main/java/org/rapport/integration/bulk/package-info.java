/**
 * Writing and finding business records many at a time, for the modules' import kinds: {@link
 * org.rapport.integration.bulk.BulkRows} speaks to the tables (COPY on PostgreSQL, JDBC batches elsewhere) and
 * {@link org.rapport.integration.bulk.BulkRecords} does what every kind of record does the same way.
 */
@NamedInterface("bulk")
package org.rapport.integration.bulk;

import org.springframework.modulith.NamedInterface;
