package org.rapport.sales.catalogue.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.sales.ProductId;
import org.rapport.sales.ProductNames;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The products' names read straight from the catalogue's table, a thousand ids a query. */
@Component
class CatalogueNames implements ProductNames {

	/** How many ids one query names. */
	static final int CHUNK = 1_000;

	private final NamedParameterJdbcTemplate jdbc;

	CatalogueNames(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<ProductId, NamedProduct> of(Collection<ProductId> products) {
		Map<ProductId, NamedProduct> named = new HashMap<>();
		List<UUID> ids = products.stream().map(ProductId::value).distinct().toList();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<UUID> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
			jdbc.query("select id, sku, name, active from product where id in (:ids)", Map.of("ids", chunk), rs -> {
				ProductId id = new ProductId(rs.getObject(1, UUID.class));
				named.put(id, new NamedProduct(id, rs.getString(2), rs.getString(3), rs.getBoolean(4)));
			});
		}
		return named;
	}
}
