/**
 * Value types that every module may use: record references, postal addresses and identifiers.
 */
package org.rapport.shared;
