package org.drledger.server.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import org.drledger.server.testing.EmbeddedServerTest;
import org.drledger.server.testing.MutableClock;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Form tests on H2: MockMvc over the running server's own context and security filter chains (the page chain with
 * its session and CSRF), users loaded as the login form would load them, a fixed business date, and tasks put into
 * the task feature's lookups the way the result tests do. Every Form* test class shares this one context.
 */
@Import(FormTestSupport.FormClock.class)
abstract class FormTestSupport extends EmbeddedServerTest {
    /** Friday 2025-01-24 + 20 working days = 2025-02-27 (the result tests' hand-checked calendar vector). */
    static final LocalDate TRIGGER = LocalDate.of(2025, 1, 24);
    static final LocalDate TODAY = LocalDate.of(2025, 2, 5);
    static final String EVIDENCE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TestConfiguration(proxyBeanMethods = false)
    static class FormClock {
        @Bean
        @Primary
        MutableClock formClock() {
            return new MutableClock(TODAY);
        }
    }

    @Autowired
    protected WebApplicationContext context;
    @Autowired
    protected UserDetailsService accounts;
    @Autowired
    protected MutableClock clock;

    protected MockMvc mvc;

    @BeforeEach
    void formTestSupport() {
        clock.setToday(TODAY);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** Signed in as {@code who}, as after the login form. */
    protected RequestPostProcessor as(TestUsers.Credentials who) {
        return SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername(who.username()));
    }

    protected static Cookie english() {
        return new Cookie("drl-lang", "en");
    }

    /** A drawn task as the task feature records it in its lookups. */
    protected void task(String taskId, String lead, List<String> targets, List<String> items) {
        jdbc.update("INSERT INTO task_state (task_id, lead_department, assisting_departments, category, status, "
                + "plan_year) VALUES (?, ?, ?, ?, ?, ?)", taskId, lead, "", "ROUTINE", "DRAWN", 2025);
        for (String target : targets) {
            jdbc.update("INSERT INTO task_assignment (task_id, object_id, slot, officer_id, department, leader) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", taskId, target, 0, "officer-" + target, lead, true);
        }
        for (String item : items) {
            jdbc.update("INSERT INTO task_item (task_id, item_code) VALUES (?, ?)", taskId, item);
        }
    }

    static String body(MvcResult r) {
        try {
            return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page re-rendered with the refusal naming the field and the rule, no stack trace. */
    static void refused(MvcResult r, int status, String field, String rule) {
        String html = body(r);
        assertThat(r.getResponse().getStatus()).as(html).isEqualTo(status);
        assertThat(html).contains("id=\"refusal\"").contains("data-field=\"" + field + "\"")
                .contains("data-rule=\"" + rule + "\"").doesNotContain("at org.", "Exception");
    }
}
