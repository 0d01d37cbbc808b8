/**
 * How users shape Rapport without code: custom fields of each kind of record, and saved list views.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "web" })
package org.rapport.customization;

import org.springframework.modulith.ApplicationModule;
