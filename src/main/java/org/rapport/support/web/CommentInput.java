package org.rapport.support.web;

/** A comment written on a case page: public (the customer reads it) or internal. */
record CommentInput(String body, Boolean publicReply) {

	public boolean isPublic() {
		return publicReply != null && publicReply;
	}
}
