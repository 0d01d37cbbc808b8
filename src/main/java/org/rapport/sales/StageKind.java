package org.rapport.sales;

/**
 * Whether a pipeline stage is still being worked, or ends the opportunity as won or lost.
 */
public enum StageKind {
	OPEN, WON, LOST
}
