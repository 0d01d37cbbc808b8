/**
 * Value types that every module may use: record references, postal addresses, identifiers and the common shape
 * of business records.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package org.rapport.shared;

import org.springframework.modulith.ApplicationModule;
