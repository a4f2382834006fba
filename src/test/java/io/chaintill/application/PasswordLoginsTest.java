package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PasswordLoginsTest {

    @Test
    void throttleSubjectsFitTheirColumnWhateverWasTyped() {
        assertEquals("account:a\ufffdb", PasswordLogins.subject("account:", "a\u0000b"), "a NUL cannot reach the database");
        assertEquals("account:me@shop.example", PasswordLogins.subject("account:", "me@shop.example"));
        String huge = "x".repeat(5000);
        String subject = PasswordLogins.subject("account:", huge);
        assertEquals(300, subject.length());
        assertEquals(subject, PasswordLogins.subject("account:", huge), "the same input always gives the same key");
    }
}
