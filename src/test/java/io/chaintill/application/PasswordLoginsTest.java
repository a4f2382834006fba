package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DashboardSessionsTest {

    @Test
    void throttleSubjectsFitTheirColumnWhateverWasTyped() {
        assertEquals("account:me@shop.example", DashboardSessions.subject("account:", "me@shop.example"));
        String huge = "x".repeat(5000);
        String subject = DashboardSessions.subject("account:", huge);
        assertEquals(300, subject.length());
        assertEquals(subject, DashboardSessions.subject("account:", huge), "the same input always gives the same key");
    }
}
