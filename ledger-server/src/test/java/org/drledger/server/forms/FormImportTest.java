package org.drledger.server.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.drledger.command.actor.Role;
import org.drledger.server.registry.RegistryFiles;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The registry import form: a file imported through the API's path (checked through the REST API), a dry run that
 * writes nothing, a rejected row refusing the whole file with the per-row report, then a partial import; a malformed
 * header refused as a whole; a job with progress; other roles 403; no CSRF token 403.
 */
class FormImportTest extends FormTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String dept;
    private TestUsers.Credentials clerk;

    @BeforeEach
    void clerk() {
        if (dept == null) {
            dept = department();
        }
        clerk = user(dept, Role.DEPT_CLERK);
    }

    /** A fresh valid USCC for this test run. */
    private static String uscc() {
        return RegistryFiles.uscc(500_000 + Long.parseLong(unique("n").substring(2)));
    }

    private static String mistyped(String uscc) {
        return uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
    }

    private static String row(String id, String name) {
        return String.join(",", id, "ENTERPRISE", name, "food", "雁江区", "\"雁江区, 某路1号\"", "ACTIVE", "B", dept);
    }

    private MockMultipartHttpServletRequestBuilder upload(List<String> rows) {
        String csv = RegistryFiles.OBJECT_HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
        MockMultipartHttpServletRequestBuilder b = multipart("/app/forms/imports");
        b.file(new MockMultipartFile("file", "objects.csv", "text/csv; charset=UTF-8",
                csv.getBytes(StandardCharsets.UTF_8)));
        b.param("registry", "objects");
        return b;
    }

    private int object(String id) {
        return http.get("/api/registries/objects/" + id, clerk).status();
    }

    @Test
    void aFileIsImportedAndItsReportShown() throws Exception {
        assertThat(body(mvc.perform(get("/app/forms/imports").with(as(clerk))).andReturn()))
                .contains("id=\"import-form\"", "enctype=\"multipart/form-data\"");
        String a = uscc();
        String b = uscc();
        MvcResult r = mvc.perform(upload(List.of(row(a, "甲食品店"), row(b, "乙超市"))).with(as(clerk)).with(csrf()))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        String jobPage = r.getResponse().getRedirectedUrl();
        assertThat(jobPage).startsWith("/app/forms/imports/");
        assertThat(object(a)).isEqualTo(200);
        assertThat(object(b)).isEqualTo(200);
        String html = body(mvc.perform(get(jobPage).with(as(clerk))).andReturn());
        assertThat(html).contains("data-status=\"DONE\"", "data-written=\"2\"", "data-row=\"2\"", "data-row=\"3\"");
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        String a = uscc();
        long events = events();
        MvcResult r = mvc.perform(upload(List.of(row(a, "丙药店"))).param("dryRun", "true").with(as(clerk))
                .with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        assertThat(r.getFlashMap().get("done")).isEqualTo("checked");
        assertThat(events()).isEqualTo(events);
        assertThat(object(a)).isEqualTo(404);
    }

    @Test
    void aRejectedRowRefusesTheFileWithTheReportUnlessImportedPartially() throws Exception {
        String good = uscc();
        String bad = mistyped(uscc());
        long events = events();
        MvcResult refused = mvc.perform(upload(List.of(row(good, "丁饭店"), row(bad, "戊饭店"))).with(as(clerk))
                .with(csrf())).andReturn();
        refused(refused, 422, "file", "rows-rejected");
        assertThat(body(refused)).contains("有被拒绝的行，未写入任何记录", "data-rule=\"uscc-check-character\"",
                "id=\"report-rows\"");
        MvcResult english = mvc.perform(upload(List.of(row(good, "丁饭店"), row(bad, "戊饭店"))).with(as(clerk))
                .with(csrf()).cookie(english())).andReturn();
        refused(english, 422, "file", "rows-rejected");
        assertThat(body(english)).contains("Some rows were rejected and nothing was written");
        assertThat(events()).isEqualTo(events);
        assertThat(object(good)).isEqualTo(404);

        MvcResult partial = mvc.perform(upload(List.of(row(good, "丁饭店"), row(bad, "戊饭店"))).param("partial", "true")
                .with(as(clerk)).with(csrf())).andReturn();
        assertThat(partial.getResponse().getStatus()).as(body(partial)).isEqualTo(302);
        assertThat(object(good)).isEqualTo(200);
        assertThat(body(mvc.perform(get(partial.getResponse().getRedirectedUrl()).with(as(clerk))).andReturn()))
                .contains("data-written=\"1\"", "data-rejected=\"1\"");
    }

    @Test
    void aFileThatIsNotSuchACsvIsRefusedAsAWhole() throws Exception {
        long events = events();
        MockMultipartHttpServletRequestBuilder b = multipart("/app/forms/imports");
        b.file(new MockMultipartFile("file", "x.csv", "text/csv", "objectId,colour\r\nx,red\r\n"
                .getBytes(StandardCharsets.UTF_8)));
        refused(mvc.perform(b.param("registry", "objects").with(as(clerk)).with(csrf())).andReturn(), 400, "colour",
                "csv-unknown-column");
        refused(mvc.perform(multipart("/app/forms/imports").param("registry", "objects").with(as(clerk))
                .with(csrf())).andReturn(), 400, "file", "required");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aJobShowsItsProgressUntilDone() throws Exception {
        String a = uscc();
        MvcResult r = mvc.perform(upload(List.of(row(a, "己商店"))).param("async", "true").with(as(clerk))
                .with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        String jobPage = r.getResponse().getRedirectedUrl();
        assertThat(body(mvc.perform(get(jobPage).with(as(clerk))).andReturn())).contains("id=\"job-progress\"");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> JSON.readTree(
                body(mvc.perform(get(jobPage + "/progress").with(as(clerk))).andReturn())).get("status").asText()
                .equals("DONE"));
        assertThat(object(a)).isEqualTo(200);
    }

    @Test
    void onlyClerksAndApproversImportAndTheCsrfTokenIsRequired() throws Exception {
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        String other = department();
        long events = events();
        assertThat(mvc.perform(get("/app/forms/imports").with(as(auditor))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(upload(List.of(row(uscc(), "庚店"))).with(as(auditor)).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(upload(List.of(row(uscc(), "辛店"))).with(as(clerk))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        // a row of another department's registry is rejected per row (not the importer's to write)
        String id = uscc();
        MvcResult foreign = mvc.perform(upload(List.of(String.join(",", id, "ENTERPRISE", "壬店", "food", "雁江区",
                "某路", "ACTIVE", "B", other))).with(as(clerk)).with(csrf())).andReturn();
        assertThat(foreign.getResponse().getStatus()).as(body(foreign)).isEqualTo(422);
        assertThat(events()).isEqualTo(events);
    }
}
