/**
 * How users shape Rapport without code: saved list views now, custom fields next.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity" })
package org.rapport.customization;

import org.springframework.modulith.ApplicationModule;
