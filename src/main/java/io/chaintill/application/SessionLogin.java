package io.chaintill.application;

import io.chaintill.domain.access.User;

/** A valid dashboard session: who it belongs to and the CSRF token its unsafe requests must carry. */
public record SessionLogin(User user, String csrfToken) {
}
