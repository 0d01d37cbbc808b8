package org.rapport.sales.catalogue.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Products extends JpaRepository<Product, UUID> {

	Optional<Product> findBySkuIgnoreCase(String sku);

	/** The product that holds the external id. */
	Optional<Product> findByExternalId(String externalId);

	List<Product> findByActiveTrueOrderByName();
}
