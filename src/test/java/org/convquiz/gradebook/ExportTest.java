package org.convquiz.gradebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/**
 * Exports for other systems: the detail (one row per submitted part), Canvas and Moodle. The expected
 * numbers are the tutorial's exercise 3 (3×100×100, kernel 3, padding 2 → 4×102×102), worked by hand.
 */
@QuarkusTest
class ExportTest {
    @Inject
    TestData data;

    @Inject
    EntityManager em;

    private TestData.World world;

    /** Two students: one forgets the + 1 (4×101×101, 1 of 3 points), then corrects it; the other is right at once. */
    private Session answered() {
        world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session student = Session.login(world.student(), TestData.PASSWORD);
        long attempt = student.start(world.courseId(), world.quizId());
        data.pinVariants(attempt);
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/items/0", "idempotency", student.idempotency(0), "a.0.shape", "4×101×101").then().statusCode(303);
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/items/0", "idempotency", student.idempotency(0), "a.0.shape", "(4, 102, 102)").then().statusCode(303);
        Session other = Session.login(world.other(), TestData.PASSWORD);
        long second = other.start(world.courseId(), world.quizId());
        data.pinVariants(second);
        other.page("/attempts/" + second);
        other.post("/attempts/" + second + "/items/0", "idempotency", other.idempotency(0), "a.0.shape", "4x102x102").then().statusCode(303);
        return Session.login(world.instructor(), TestData.PASSWORD);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)).getRecords();
    }

    /**
     * The file is written in two halves of the students (the second by another connection, appended): a course with
     * no attempts is the header alone, and with one student answering, that student's rows come once, after one header.
     */
    @Test
    void detailHalvesMeetWithOneHeaderWhateverTheClassSize() throws Exception {
        world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        String empty = teacher.request().accept("text/csv").get("/courses/" + world.courseId() + "/export/detail.csv?bom=false")
                .then().statusCode(200).extract().asString();
        assertEquals(1, empty.lines().count(), empty);
        assertTrue(empty.startsWith("username,name,student_number,quiz,exercise,version,seed,part,answer,"), empty);
        Session student = Session.login(world.student(), TestData.PASSWORD);
        long attempt = student.start(world.courseId(), world.quizId());
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/items/0", "idempotency", student.idempotency(0), "a.0.shape", "1×2×3").then().statusCode(303);
        String one = teacher.request().accept("text/csv").get("/courses/" + world.courseId() + "/export/detail.csv?bom=false")
                .then().statusCode(200).extract().asString();
        assertEquals(1, one.lines().filter(l -> l.startsWith("username,")).count(), one);
        List<CSVRecord> rows = parse(one);
        assertEquals(1, rows.size(), one);
        assertEquals(world.student(), rows.get(0).get("username"));
        assertEquals("1×2×3", rows.get(0).get("answer"));
    }

    @Test
    void detailHasOneRowPerSubmittedPartWithTheAnswerAsTypedAndTheRightAnswer() throws Exception {
        Session teacher = answered();
        String csv = teacher.request().accept("text/csv").get("/courses/" + world.courseId() + "/export/detail.csv")
                .then().statusCode(200).extract().asString(); // RestAssured decodes the declared UTF-8
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark by default, so spreadsheets read UTF-8");
        List<CSVRecord> rows = parse(csv);
        assertEquals(3, rows.size(), csv);
        CSVRecord first = rows.stream().filter(r -> r.get("username").equals(world.student())).findFirst().orElseThrow(); // oldest first
        assertEquals(world.student(), first.get("username"));
        assertEquals("padding-output-shape", first.get("exercise"));
        assertEquals("4×101×101", first.get("answer"));
        assertEquals("4×102×102", first.get("correct_answer"));
        assertEquals("1", first.get("score"));
        assertEquals("3", first.get("max_score"));
        assertTrue(first.get("misconceptions").contains("forgot_plus_one"), first.toString());
        assertEquals("0", first.get("seed"), "the pinned variant");
        assertFalse(first.get("submitted_at").isBlank());
        List<String> typed = rows.stream().map(r -> r.get("answer")).sorted().toList();
        assertEquals(List.of("(4, 102, 102)", "4x102x102", "4×101×101"), typed, "every submission, as typed");
        assertEquals(List.of("3", "3", "1"), rows.stream().map(r -> r.get("score")).sorted(java.util.Comparator.reverseOrder()).toList());

        byte[] plain = teacher.request().accept("text/csv").get("/courses/" + world.courseId() + "/export/detail.csv?bom=false")
                .then().statusCode(200).extract().asByteArray();
        assertEquals('u', new String(plain, StandardCharsets.UTF_8).charAt(0), "no byte-order mark when asked: the header starts");
        teacher.request().get("/courses/" + world.courseId() + "/export/detail.csv?bom=maybe").then().statusCode(400);
    }

    @Test
    void canvasAndMoodleFilesCarryTheBestScorePerQuiz() throws Exception {
        Session teacher = answered();
        String canvas = teacher.request().accept("text/csv").header("Accept-Language", "en")
                .get("/courses/" + world.courseId() + "/export/canvas.csv").then().statusCode(200).extract().asString();
        List<CSVRecord> rows = parse(canvas);
        assertEquals(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Quiz " + world.quizId()).subList(0, 5),
                rows.get(0).getParser().getHeaderNames().subList(0, 5));
        assertEquals(6, rows.get(0).getParser().getHeaderNames().size(), "one column per quiz");
        assertEquals("Points Possible", rows.get(0).get("Student").trim());
        assertEquals("3", rows.get(0).get(5));
        assertEquals(3, rows.size());
        for (CSVRecord r : rows.subList(1, 3)) {
            assertEquals("3", r.get(5), "best score: both students got 3 of 3 in the end: " + r);
            assertTrue(r.get("SIS Login ID").equals(world.student()) || r.get("SIS Login ID").equals(world.other()), r.toString());
        }

        String moodle = teacher.request().accept("text/csv").get("/courses/" + world.courseId() + "/export/moodle.csv?bom=false")
                .then().statusCode(200).extract().asString();
        List<CSVRecord> m = parse(moodle);
        assertEquals(List.of("Username", "ID number", "Email address"), m.get(0).getParser().getHeaderNames().subList(0, 3));
        assertEquals(2, m.size());
        assertEquals(List.of(world.other(), world.student()).stream().sorted().toList(), m.stream().map(r -> r.get("Username")).toList());
    }

    @Test
    void onlyTheCoursesInstructorsExport() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        for (String format : List.of("detail", "canvas", "moodle")) {
            Session.login(w.student(), TestData.PASSWORD).get("/courses/" + w.courseId() + "/export/" + format + ".csv").then().statusCode(403);
            var elsewhere = data.world(QuizService.Settings.practice(), "padding-output-shape");
            Session.login(elsewhere.instructor(), TestData.PASSWORD).get("/courses/" + w.courseId() + "/export/" + format + ".csv").then().statusCode(404);
        }
    }

    @Test
    void formulaCellsAreText() throws Exception {
        Session teacher = answered();
        data.rename(world.student(), "=HYPERLINK(\"http://example.invalid\",\"x\")");
        String csv = teacher.request().get("/courses/" + world.courseId() + "/export/detail.csv").then().statusCode(200).extract().asString();
        assertTrue(parse(csv).stream().anyMatch(r -> r.get("name").equals("'=HYPERLINK(\"http://example.invalid\",\"x\")")), csv);
        String canvas = teacher.request().get("/courses/" + world.courseId() + "/export/canvas.csv").then().statusCode(200).extract().asString();
        assertTrue(canvas.contains("'=HYPERLINK"), canvas);
    }

    /**
     * The order a reader expects, written out by hand: student, then within a question each part's submissions
     * together, oldest first, then the next question. The student checks the two-part stride question twice (h and w
     * each time) and the padding question once.
     */
    @Test
    void detailListsEachQuestionsPartsInTurnOldestFirst() throws Exception {
        world = data.world(QuizService.Settings.practice(), "stride-output-shape", "padding-output-shape");
        Session student = Session.login(world.student(), TestData.PASSWORD);
        long attempt = student.start(world.courseId(), world.quizId());
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/items/0", "idempotency", student.idempotency(0), "a.0.h", "11", "a.0.w", "12")
                .then().statusCode(303);
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/items/0", "idempotency", student.idempotency(0), "a.0.h", "21", "a.0.w", "22")
                .then().statusCode(303);
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/items/1", "idempotency", student.idempotency(1), "a.1.shape", "3×4×5")
                .then().statusCode(303);
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        String csv = teacher.request().get("/courses/" + world.courseId() + "/export/detail.csv?bom=false").then().statusCode(200)
                .extract().asString();
        assertEquals(List.of("stride-output-shape h 11", "stride-output-shape h 21", "stride-output-shape w 12",
                "stride-output-shape w 22", "padding-output-shape shape 3×4×5"),
                parse(csv).stream().map(r -> r.get("exercise") + " " + r.get("part") + " " + r.get("answer")).toList(), csv);
    }

    /**
     * The export's cells are quoted and neutralised by SQL functions (migration V23) kept with each submission; they
     * must read back, through an independent CSV reader, as {@link CsvCells#safe} makes the other exports' cells:
     * every one-character start, quotes, commas, CR and LF anywhere, Chinese, and random mixes of them.
     */
    @Test
    void theDatabasesCellsReadBackAsTheOtherExportsCells() throws Exception {
        List<String> texts = new java.util.ArrayList<>(List.of("", " ", "\"", "\"\"", ",", "a,b", "\r", "\n", "\r\n", "x\r\ny",
                "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'quoted'", "\\.", "四乘一百零二", "张三 \"Zhang\", 李四", " lead", "trail "));
        java.util.Random random = new java.util.Random(23);
        String alphabet = "ab,\"\r\n\t=+-@' 四\\";
        for (int i = 0; i < 500; i++) {
            StringBuilder t = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                t.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(t.toString());
        }
        @SuppressWarnings("unchecked")
        List<String> cells = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select export_csv_text(t) || ',' || export_csv_cell(t) || ',' || export_csv_text(null) from unnest(cast(?1 as text[])) with ordinality x(t, n) order by n")
                .setParameter(1, texts.toArray(String[]::new)).getResultList());
        assertEquals(texts.size(), cells.size());
        for (int i = 0; i < texts.size(); i++) {
            List<CSVRecord> read = CSVFormat.RFC4180.parse(new StringReader(cells.get(i))).getRecords();
            assertEquals(1, read.size(), "one record: " + cells.get(i));
            assertEquals(List.of(CsvCells.safe(texts.get(i)), texts.get(i), ""), read.get(0).toList(), "text " + i + ": " + cells.get(i));
            if (texts.get(i).isEmpty()) {
                assertTrue(cells.get(i).startsWith("\"\","), "an empty text is quoted, so it differs from no text: " + cells.get(i));
            }
        }
        // the time: ISO 8601 in UTC whatever the session's time zone
        String time = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local timezone = 'Asia/Shanghai'").executeUpdate();
            return (String) em.createNativeQuery("select export_utc_time(timestamptz '2026-11-29 18:30:05.25+08')").getSingleResult();
        });
        assertEquals("2026-11-29T10:30:05.25Z", time);
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    /**
     * Teachers who close their downloads half-way: both halves' readers stop (their queries end, their connections go
     * back), the spool files are deleted, and the next export works. While two stream, a third is told to come back
     * (503, Retry-After) instead of taking two more of the connections students' hand-ins need. 3,000 attempts of 20 KB: the response cannot sit
     * whole in the sockets' buffers, nor the first half in its queue.
     */
    @Test
    void downloadsClosedHalfWayStopTheirReadersLeaveNoFileAndAThirdWaits() throws Exception {
        answered();
        // each student's first attempt copied 1,500 times, each copy with 20 submissions of 1 KB
        data.sql("""
                with a as (insert into attempt (quiz_id, user_id, number, submitted_at)
                           select a.quiz_id, a.user_id, 1000 + g, now() from attempt a, generate_series(1, 1500) g
                           where a.quiz_id = ?1 and a.number = 1
                           returning id, user_id),
                     i as (insert into attempt_item (attempt_id, position, exercise_version_id, seed)
                           select a.id, 0, ai.exercise_version_id, ai.seed from a
                           join attempt first on first.user_id = a.user_id and first.quiz_id = ?1 and first.number = 1
                           join attempt_item ai on ai.attempt_id = first.id
                           returning id, exercise_version_id, seed)
                insert into submission (attempt_item_id, exercise_version_id, seed, part_id, raw_answer, status, score, max_score,
                                        idempotency_key)
                select i.id, i.exercise_version_id, i.seed, 'shape', repeat('x', 1000), 'wrong', 0, 3, 'bulk-' || i.id || '-' || g
                from i, generate_series(1, 20) g""", world.quizId());
        try {
            String cookie = io.restassured.RestAssured.given().redirects().follow(false)
                    .formParam("j_username", world.instructor()).formParam("j_password", TestData.PASSWORD)
                    .post("/j_security_check").then().statusCode(302).extract().headers().getValues("Set-Cookie").stream()
                    .map(c -> c.split(";", 2)[0]).collect(java.util.stream.Collectors.joining("; "));
            java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
            java.util.function.Supplier<List<java.nio.file.Path>> spools = () -> {
                try (var files = java.nio.file.Files.list(tmp)) {
                    return files.filter(f -> f.getFileName().toString().startsWith("convquiz-export-")).toList();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            List<java.nio.file.Path> before = spools.get();
            var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            var request = java.net.http.HttpRequest.newBuilder(base.toURI().resolve("courses/" + world.courseId() + "/export/detail.csv"))
                    .header("Cookie", cookie).build();
            // two downloads at once (convquiz.detail-exports = 2), each read a little and then left waiting
            var first = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            var second = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(List.of(200, 200), List.of(first.statusCode(), second.statusCode()));
            try (var a = first.body(); var b = second.body()) {
                assertEquals(65536, a.readNBytes(65536).length, "the file starts streaming");
                assertEquals(65536, b.readNBytes(65536).length);
                // a third waits for neither: the database connections are kept for students
                var third = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(503, third.statusCode(), third.body());
                assertTrue(third.headers().firstValue("Retry-After").isPresent(), "says when to try again");
            } // both closed long before their 60 MB end
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
            long running;
            do {
                Thread.sleep(200);
                running = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from pg_stat_activity where query like '%export_cells%' and pid <> pg_backend_pid()"
                                + " and state <> 'idle'").getSingleResult()).longValue());
            } while ((running > 0 || !spools.get().equals(before)) && System.nanoTime() < deadline);
            assertEquals(0, running, "both halves' queries have ended");
            assertEquals(before, spools.get(), "the spool file is deleted");
            Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
            String csv = teacher.request().get("/courses/" + world.courseId() + "/export/detail.csv?bom=false").then().statusCode(200)
                    .extract().asString();
            assertEquals(3 + 2 * 1500 * 20, parse(csv).size(), "the next export is whole (the closed ones gave their places back)");
        } finally {
            data.sql("delete from submission where attempt_item_id in (select ai.id from attempt_item ai join attempt a on a.id = ai.attempt_id"
                    + " where a.quiz_id = ?1 and a.number > 1000)", world.quizId());
            data.sql("delete from attempt_item where attempt_id in (select id from attempt where quiz_id = ?1 and number > 1000)", world.quizId());
            data.sql("delete from attempt where quiz_id = ?1 and number > 1000", world.quizId());
        }
    }

    /** The course's submission ids in the order the detail export must list them: by username, then as stored. */
    @SuppressWarnings("unchecked")
    private List<Long> submissionsInExportOrder() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery("""
                select s.id from submission s join attempt_item ai on ai.id = s.attempt_item_id join attempt a on a.id = ai.attempt_id
                join app_user u on u.id = a.user_id join quiz q on q.id = a.quiz_id where q.course_id = ?1 order by u.username, s.id""")
                .setParameter(1, world.courseId()).getResultList()).stream().map(Number::longValue).toList());
    }


    /**
     * The detail file is joined from cells PostgreSQL quoted (V23): every kind of awkward cell goes through it and comes back as typed,
     * the ones a spreadsheet would run (= + - @ tab CR first) behind an apostrophe (OWASP's CSV injection advice,
     * written out here by hand), quotes, commas and newlines quoted (RFC 4180), Chinese in UTF-8, rows by student.
     */
    @Test
    void detailCellsOfEveryKindRoundTripInStudentOrder() throws Exception {
        Session teacher = answered();
        List<Long> ids = submissionsInExportOrder();
        assertEquals(3, ids.size());
        // per row: answer, read_as, correct_answer, misconceptions as stored -> as exported
        String[][][] cells = {
            {{"=1+1", "'=1+1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@SUM(A1)", "'@SUM(A1)"}},
            {{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"say \"hi\"", "say \"hi\""}, {"two\nlines", "two\nlines"}},
            {{"四乘一百零二", "四乘一百零二"}, {"a, b", "a, b"}, {"x=1", "x=1"}, {"'quoted'", "'quoted'"}},
        };
        for (int r = 0; r < 3; r++) {
            data.sql("update submission set raw_answer = ?1, parsed_answer = ?2, reference_answer = ?3, misconceptions = ?4 where id = ?5",
                    cells[r][0][0], cells[r][1][0], cells[r][2][0], cells[r][3][0], ids.get(r));
        }
        data.rename(world.student(), "张三 \"Zhang\", 李四");
        data.rename(world.other(), "-5 王五");
        data.sql("update app_user set student_number = '@20260001' where username = ?1", world.student());
        // by student: the first student's two submissions (1 of 3, forgot the + 1; then 3 of 3), the other's one (3 of 3)
        List<String> users = new java.util.ArrayList<>();
        List<String> scores = new java.util.ArrayList<>();
        for (String user : List.of(world.student(), world.other()).stream().sorted().toList()) {
            users.addAll(user.equals(world.student()) ? List.of(user, user) : List.of(user));
            scores.addAll(user.equals(world.student()) ? List.of("1", "3") : List.of("3"));
        }

        byte[] bytes = teacher.request().accept("text/csv").get("/courses/" + world.courseId() + "/export/detail.csv")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 byte-order mark");
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFusername,name,student_number,quiz,exercise,version,seed,part,answer,read_as,correct_answer,"
                + "score,max_score,misconceptions,submitted_at\r\n"), csv);
        assertTrue(csv.endsWith("Z\r\n"), "every record ends in CRLF (RFC 4180), the last one too");
        assertTrue(csv.contains(",\"two\nlines\","), "a newline someone typed stays inside its quoted cell: " + csv);
        List<CSVRecord> rows = parse(csv);
        assertEquals(3, rows.size(), csv);
        for (int r = 0; r < 3; r++) {
            CSVRecord row = rows.get(r);
            assertEquals(List.of(cells[r][0][1], cells[r][1][1], cells[r][2][1], cells[r][3][1]),
                    List.of(row.get("answer"), row.get("read_as"), row.get("correct_answer"), row.get("misconceptions")), "row " + r);
            boolean student = users.get(r).equals(world.student());
            assertEquals(users.get(r), row.get("username"), "by student, then as submitted");
            assertEquals(student ? "张三 \"Zhang\", 李四" : "'-5 王五", row.get("name"));
            assertEquals(student ? "'@20260001" : "", row.get("student_number"));
            assertEquals("padding-output-shape", row.get("exercise"));
            assertEquals("0", row.get("seed"));
            assertEquals("3", row.get("max_score"));
            assertTrue(row.get("submitted_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), row.get("submitted_at"));
            java.time.Instant.parse(row.get("submitted_at"));
        }
        assertEquals(scores, rows.stream().map(r -> r.get("score")).toList());

        // the quiz's title in the page's language, neutralised like any other text
        data.sql("update quiz set title_en = 'Week 1, part \"a\"', title_zh = '=第一周 \"甲\"' where id = ?1", world.quizId());
        String zh = teacher.request().header("Accept-Language", "zh-CN").get("/courses/" + world.courseId() + "/export/detail.csv")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of("'=第一周 \"甲\""), parse(zh).stream().map(r -> r.get("quiz")).distinct().toList());
        String en = teacher.request().header("Accept-Language", "en").get("/courses/" + world.courseId() + "/export/detail.csv")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of("Week 1, part \"a\""), parse(en).stream().map(r -> r.get("quiz")).distinct().toList());
    }

    /** Parts graded before right answers were stored get the tutorial's 4×102×102, and keep it stored. */
    @Test
    void detailFillsInRightAnswersThatWereNeverStored() throws Exception {
        Session teacher = answered();
        data.sql("update submission set reference_answer = null where id in (?1, ?2, ?3)", submissionsInExportOrder().toArray());
        String csv = teacher.request().get("/courses/" + world.courseId() + "/export/detail.csv?bom=false").then().statusCode(200)
                .extract().asString();
        assertEquals(List.of("4×102×102", "4×102×102", "4×102×102"), parse(csv).stream().map(r -> r.get("correct_answer")).toList());
        long stillMissing = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from submission where reference_answer is null and id in (?1, ?2, ?3)")
                .setParameter(1, submissionsInExportOrder().get(0)).setParameter(2, submissionsInExportOrder().get(1))
                .setParameter(3, submissionsInExportOrder().get(2)).getSingleResult()).longValue());
        assertEquals(0, stillMissing);
    }
}
