package org.convquiz.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.account.Course;
import org.convquiz.account.CourseMember;
import org.convquiz.account.User;
import org.convquiz.exercise.Exercise;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.Grader;
import org.convquiz.exercise.QuizSpec;
import org.convquiz.mastery.ConceptMap;

/**
 * The rules of taking a quiz: who may start an attempt and when, which variant each question gets,
 * saving drafts, grading (always through {@link Grader}) and storing every submission.
 */
@ApplicationScoped
public class QuizService {
    @Inject
    ExerciseCatalog catalog;

    @Inject
    EntityManager em;

    @Inject
    org.convquiz.mastery.MasteryService mastery;

    /** Settings of a quiz made from a quiz file. */
    public record Settings(Quiz.Mode mode, Quiz.Reveal reveal, OffsetDateTime opensAt, OffsetDateTime closesAt,
            Integer timeLimitMinutes, Integer maxAttempts) {
        public static Settings practice() {
            return new Settings(Quiz.Mode.practice, Quiz.Reveal.immediately, null, null, null, null);
        }

        /** Sets the quiz's mode, reveal, window and limits to these (a new quiz's, or an edit's). */
        void applyTo(Quiz quiz) {
            quiz.mode = mode;
            quiz.reveal = reveal;
            quiz.opensAt = opensAt;
            quiz.closesAt = closesAt;
            quiz.timeLimitMinutes = timeLimitMinutes;
            quiz.maxAttempts = maxAttempts;
        }
    }

    @Transactional
    public Quiz createQuiz(Course course, QuizSpec spec, String slug, Settings settings) {
        return createQuiz(course, spec, slug, settings, Map.of());
    }

    /** The same, with the points some exercises are worth in this quiz (by exercise id; the others keep their own). */
    @Transactional
    public Quiz createQuiz(Course course, QuizSpec spec, String slug, Settings settings, Map<String, java.math.BigDecimal> points) {
        Quiz quiz = new Quiz();
        quiz.course = course;
        quiz.slug = slug;
        quiz.titleEn = spec.title().en();
        quiz.titleZh = spec.title().zh();
        settings.applyTo(quiz);
        quiz.section = spec.section();
        quiz.position = tutorialPlace(course, spec.section());
        quiz.persist();
        int position = 0;
        for (String id : spec.exercises()) {
            QuizItem item = new QuizItem();
            item.quiz = quiz;
            item.position = position++;
            item.exercise = Exercise.findBySlug(id).orElseThrow(() -> new IllegalArgumentException("no exercise " + id));
            item.points = points.get(id);
            item.persist();
        }
        return quiz;
    }

    /**
     * Where a new quiz of a tutorial section goes: after the course's quizzes of the same or an earlier
     * section (and after any quiz whose section is unknown that sits before them), the later ones moving down.
     */
    private static int tutorialPlace(Course course, String section) {
        int rank = org.convquiz.exercise.Sections.rank(section);
        int place = 1;
        for (Quiz q : Quiz.of(course)) {
            if (org.convquiz.exercise.Sections.rank(q.section) <= rank) {
                place = q.position + 1;
            }
        }
        Quiz.update("position = position + 1, version = version + 1 where course = ?1 and position >= ?2", course, place);
        return place;
    }

    /**
     * Moves a quiz one place up or down in its course's list. {@code seenVersion} is the version of the quiz on
     * the page the instructor used: when the quiz changed since (another instructor moved it), nothing moves and
     * the caller shows the current order.
     */
    @Transactional
    public void move(Course course, long quizId, boolean up, int seenVersion, String actor) {
        List<Quiz> list = new java.util.ArrayList<>(Quiz.of(course));
        int i = -1;
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k).id == quizId) {
                i = k;
            }
        }
        if (i < 0) {
            throw new NotFoundException("no quiz " + quizId + " in course " + course.id);
        }
        Quiz quiz = list.get(i);
        if (quiz.version != seenVersion) {
            throw new QuizRuleException("course_order_stale", 409, "quiz " + quizId + " changed since the page was made (version "
                    + quiz.version + ", the form had " + seenVersion + ")");
        }
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= list.size()) {
            return; // already first (or last): nothing to do
        }
        String before = list.stream().map(q -> q.slug).toList().toString();
        java.util.Collections.swap(list, i, j);
        for (int k = 0; k < list.size(); k++) {
            list.get(k).position = k + 1; // Hibernate bumps the version of each quiz whose place changed
        }
        org.convquiz.audit.AuditLog.record(actor, "quiz.move", "course " + course.id + ": " + before + " → "
                + list.stream().map(q -> q.slug).toList());
    }

    /**
     * Sets one student's override at a quiz (replacing any earlier one), writes before and after to the audit
     * log, and moves the deadline of the student's unfinished attempts to what the new rules give.
     */
    @Transactional
    public QuizOverride setOverride(Quiz quiz, User student, int extraMinutes, int extraAttempts, OffsetDateTime closesAt, String reason,
            String actor, Instant now) {
        QuizOverride o = QuizOverride.of(quiz, student).orElse(null);
        String before = o == null ? "none" : o.describe();
        if (o == null) {
            o = new QuizOverride();
            o.quiz = quiz;
            o.user = student;
        }
        o.extraMinutes = extraMinutes;
        o.extraAttempts = extraAttempts;
        o.closesAt = closesAt;
        o.reason = reason;
        o.changedBy = actor;
        o.changedAt = now.atOffset(ZoneOffset.UTC);
        o.persist();
        moveDeadlines(new QuizOverride.Rules(quiz, o), student);
        org.convquiz.audit.AuditLog.record(actor, "quiz.override", "quiz " + quiz.slug + " (course " + quiz.course.id + "), student "
                + student.username + ": " + before + " → " + o.describe());
        return o;
    }

    /** Removes a student's override (audited); unfinished attempts go back to the quiz's own deadline. */
    @Transactional
    public void removeOverride(Quiz quiz, User student, String actor) {
        QuizOverride.of(quiz, student).ifPresent(o -> {
            String before = o.describe();
            o.delete();
            moveDeadlines(new QuizOverride.Rules(quiz, null), student);
            org.convquiz.audit.AuditLog.record(actor, "quiz.override.remove", "quiz " + quiz.slug + " (course " + quiz.course.id
                    + "), student " + student.username + ": " + before + " → none");
        });
    }

    private static void moveDeadlines(QuizOverride.Rules rules, User student) {
        for (Attempt a : Attempt.of(rules.quiz(), student)) {
            if (!a.isSubmitted()) {
                a.deadlineAt = rules.deadline(a.startedAt.toInstant());
            }
        }
    }

    /** A quiz with its course, as its settings page shows it (null if there is none). */
    @org.convquiz.ReadOnly
    public Quiz settingsOf(long quizId) {
        return Quiz.<Quiz>find("from Quiz q join fetch q.course where q.id = ?1", quizId).firstResult();
    }

    /** Whether any student has started the quiz (its mode can then no longer change). */
    @org.convquiz.ReadOnly
    public boolean started(long quizId) {
        return Attempt.count("quiz.id", quizId) > 0;
    }

    /**
     * Changes a quiz's settings after it was made (audited, before → after). {@code seenVersion} is the quiz's version
     * the form was made from: a form from before another change is refused, so nobody undoes a change unseen. The mode
     * can't change once students have started (their attempts were graded and timed by the other mode's rules).
     * Unfinished attempts get the deadline the new window and time limit give, with each student's own override:
     * an extended close gives a student at work the extra time, an earlier one ends the attempt at that time.
     */
    @Transactional
    public void changeSettings(long quizId, Settings settings, int seenVersion, String actor) {
        Quiz quiz = Quiz.findById(quizId);
        if (quiz.version != seenVersion) {
            throw new QuizRuleException("quiz_settings_stale", 409,
                    "quiz " + quizId + " changed after the form was made (version " + seenVersion + ", now " + quiz.version + ")");
        }
        if (settings.mode() != quiz.mode && Attempt.count("quiz", quiz) > 0) {
            throw new QuizRuleException("quiz_settings_mode_started", 409, "students have started quiz " + quizId + "; its mode stays " + quiz.mode);
        }
        String before = describe(quiz);
        settings.applyTo(quiz);
        String after = describe(quiz);
        if (before.equals(after)) {
            return;
        }
        moveOpenDeadlines(quiz);
        org.convquiz.audit.AuditLog.record(actor, "quiz.settings", "quiz " + quiz.slug + " (course " + quiz.course.id + "): " + before + " → " + after);
    }

    private static Instant instant(Object time) {
        return time instanceof OffsetDateTime o ? o.toInstant() : time instanceof Instant i ? i : ((java.sql.Timestamp) time).toInstant();
    }

    private static String describe(Quiz q) {
        return q.mode + ", reveal " + q.reveal + ", opens " + q.opensAt + ", closes " + q.closesAt + ", " + q.timeLimitMinutes + " min, "
                + q.maxAttempts + " attempts";
    }

    /**
     * Every unfinished attempt of the quiz gets the deadline {@link QuizOverride.Rules#deadline} gives now: one statement
     * reads them with their student's override, one writes them, whatever the class size.
     */
    private void moveOpenDeadlines(Quiz quiz) {
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery("""
                select a.id, a.started_at, o.extra_minutes, o.extra_attempts, o.closes_at
                from attempt a left join quiz_override o on o.quiz_id = a.quiz_id and o.user_id = a.user_id
                where a.quiz_id = ?1 and a.submitted_at is null""").setParameter(1, quiz.id).getResultList();
        if (open.isEmpty()) {
            return;
        }
        Long[] ids = new Long[open.size()];
        String[] deadlines = new String[open.size()];
        for (int i = 0; i < open.size(); i++) {
            Object[] r = open.get(i);
            QuizOverride override = null;
            if (r[2] != null) { // the student's override, as the rules read it (not stored again)
                override = new QuizOverride();
                override.extraMinutes = ((Number) r[2]).intValue();
                override.extraAttempts = ((Number) r[3]).intValue();
                override.closesAt = r[4] == null ? null : instant(r[4]).atOffset(ZoneOffset.UTC);
            }
            ids[i] = ((Number) r[0]).longValue();
            OffsetDateTime deadline = new QuizOverride.Rules(quiz, override).deadline(instant(r[1]));
            deadlines[i] = deadline == null ? null : deadline.toString(); // ISO 8601 with its offset
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement update = connection.prepareStatement(
                    "update attempt a set deadline_at = d.deadline from unnest(?, ?) as d(id, deadline) where a.id = d.id")) {
                update.setArray(1, connection.createArrayOf("bigint", ids));
                update.setArray(2, connection.createArrayOf("timestamptz", deadlines));
                update.executeUpdate();
            }
        });
    }

    /** Publishes a draft quiz or takes a published one back to draft (students keep their attempts); audited. */
    @Transactional
    public void publish(Quiz quiz, boolean published, String actor) {
        if (quiz.published != published) {
            quiz.published = published;
            org.convquiz.audit.AuditLog.record(actor, published ? "quiz.publish" : "quiz.unpublish", quiz.slug + " in course " + quiz.course.id);
        }
    }

    /** The quiz, if the user belongs to its course; anyone else gets a 404, not a hint that it exists. */
    @Transactional
    public Quiz quizFor(long quizId, User user) {
        Quiz quiz = Quiz.findById(quizId);
        if (quiz == null || CourseMember.of(quiz.course, user).isEmpty()) {
            throw new NotFoundException("no quiz " + quizId);
        }
        return quiz;
    }

    /** The attempt, if it is the user's own; anyone else's is a 404. */
    @Transactional
    public Attempt attemptFor(long attemptId, User user) {
        Attempt attempt = Attempt.<Attempt>find("from Attempt a join fetch a.quiz where a.id = ?1", attemptId).firstResult();
        if (attempt == null || !attempt.user.id.equals(user.id)) {
            throw new NotFoundException("no attempt " + attemptId);
        }
        return attempt;
    }

    @Transactional
    public Attempt start(long quizId, User user, Instant now) {
        Quiz quiz = quizFor(quizId, user);
        if (!quiz.published) {
            throw new QuizRuleException("quiz_rule_not_published", 409, "quiz " + quizId + " is a draft");
        }
        QuizOverride.Rules rules = QuizOverride.Rules.of(quiz, user);
        switch (rules.state(now)) {
            case upcoming -> throw new QuizRuleException("quiz_rule_not_open", 409, "the quiz opens at " + quiz.opensAt);
            case closed -> throw new QuizRuleException("quiz_rule_closed", 409, "the quiz closed at " + rules.closesAt());
            default -> { }
        }
        // Starts of one student at one quiz queue up here (every instance shares the lock), so
        // simultaneous clicks neither open two exam attempts nor exceed the attempt limit.
        em.createNativeQuery("select pg_advisory_xact_lock(?1, ?2)").setParameter(1, (int) quizId)
                .setParameter(2, user.id.intValue()).getSingleResult();
        if (quiz.mode == Quiz.Mode.exam) {
            // One exam attempt at a time: starting again returns to the unfinished one.
            for (Attempt open : Attempt.of(quiz, user)) {
                if (!closeIfOverdue(open, now).isSubmitted()) {
                    return open;
                }
            }
        }
        long used = Attempt.count(quiz, user);
        if (rules.maxAttempts() != null && used >= rules.maxAttempts()) {
            throw new QuizRuleException("quiz_rule_no_attempts_left", 409, "all " + rules.maxAttempts() + " attempts are used");
        }
        Attempt attempt = new Attempt();
        attempt.quiz = quiz;
        attempt.user = user;
        attempt.number = (int) used + 1;
        attempt.startedAt = now.atOffset(ZoneOffset.UTC);
        attempt.deadlineAt = rules.deadline(now);
        attempt.persist();
        for (QuizItem qi : QuizItem.of(quiz)) {
            AttemptItem item = new AttemptItem();
            item.attempt = attempt;
            item.position = qi.position;
            item.exerciseVersion = ExerciseVersion.latest(qi.exercise)
                    .orElseThrow(() -> new IllegalStateException("exercise " + qi.exercise.slug + " has no version"));
            item.seed = Seeds.of(user.id, quiz.id, attempt.number, qi.position);
            item.points = qi.points; // the weight it had when the attempt started
            item.persist();
        }
        return attempt;
    }

    @Transactional
    public long latestAttemptId(long quizId, User user) {
        List<Attempt> attempts = Attempt.of(quizFor(quizId, user), user);
        if (attempts.isEmpty()) {
            throw new NotFoundException("no attempt at quiz " + quizId);
        }
        return attempts.get(attempts.size() - 1).id;
    }

    /** Saves what a student typed so far into one part; refused once the attempt is submitted or time is up. */
    @Transactional
    public void saveDraft(long attemptId, User user, int position, String partId, Map<String, List<String>> form, Instant now) {
        Attempt attempt = attemptFor(attemptId, user);
        requireOpen(attempt, now);
        AttemptItem item = item(attempt, position);
        ExerciseDefinition definition = definition(item);
        definition.part(partId).orElseThrow(() -> new QuizRuleException("quiz_rule_no_part", 400, "no part '" + partId + "' in question " + position));
        String raw = FormAnswers.of(form, position, definition).getOrDefault(partId, "");
        // One statement, so two saves of the same box at once both succeed and the later one stands.
        em.createNativeQuery("""
                insert into draft (attempt_item_id, part_id, raw_answer, updated_at) values (?1, ?2, ?3, ?4)
                on conflict on constraint draft_part_unique
                do update set raw_answer = excluded.raw_answer, updated_at = excluded.updated_at""")
                .setParameter(1, item.id).setParameter(2, partId).setParameter(3, limit(raw))
                .setParameter(4, now.atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /**
     * Practice: grades one question now and stores a submission per part. A repeated idempotency key
     * (a double click, a resent form) stores nothing more and returns the stored grade.
     */
    @Transactional
    public void check(long attemptId, User user, int position, Map<String, List<String>> form, String token, Instant now) {
        Attempt attempt = attemptFor(attemptId, user);
        String idempotencyKey = attempt.id + ":item:" + position + ":" + token;
        if (attempt.quiz.mode != Quiz.Mode.practice) {
            throw new QuizRuleException("quiz_rule_exam_no_check", 409, "an exam is graded when it is submitted");
        }
        requireOpen(attempt, now);
        // checks of one attempt take turns, so each recomputed attempt score sees the other's submissions
        em.createNativeQuery("select id from attempt where id = ?1 for update").setParameter(1, attempt.id).getSingleResult();
        AttemptItem item = item(attempt, position);
        List<Submission> rows = new java.util.ArrayList<>();
        List<ConceptMap.Evidence> evidence = new java.util.ArrayList<>();
        grade(item, FormAnswers.of(form, position, definition(item)), idempotencyKey, rows, evidence);
        if (insert(rows) > 0) { // a resent form (same idempotency key) stores nothing more and teaches nothing more
            mastery.record(attempt.quiz.course.id, user.id, evidence, now);
        }
    }

    /**
     * Exam (or finishing a practice attempt): grades every question from the submitted answers, or,
     * once time is up, from the drafts saved before it; marks the attempt submitted.
     */
    @Transactional
    public void submit(long attemptId, User user, Map<String, List<String>> form, String token, Instant now) {
        Attempt attempt = attemptFor(attemptId, user);
        Map<Integer, Map<String, String>> answers = new HashMap<>();
        for (AttemptItem item : AttemptItem.of(attempt)) {
            answers.put(item.position, FormAnswers.of(form, item.position, definition(item)));
        }
        submit(attempt, answers, attempt.id + ":submit:" + token, now);
    }

    private void submit(Attempt attempt, Map<Integer, Map<String, String>> answers, String idempotencyKey, Instant now) {
        if (attempt.isSubmitted()) {
            return; // a resent form: the first submission stands
        }
        // The row lock makes the database decide: every other tab, instance or sweep waits here and
        // then sees the attempt handed in, so an attempt is handed in (and graded) exactly once.
        em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
        if (attempt.isSubmitted()) {
            return;
        }
        HandIn handIn = handIn(attempt, answers, idempotencyKey, now);
        if (insert(handIn.rows()) > 0) {
            mastery.record(attempt.quiz.course.id, attempt.user.id, handIn.evidence(), now);
        }
        attempt.submittedAt = handIn.submittedAt();
    }

    /** What handing an attempt in stores: the graded rows, what they teach, and the time it counts as handed in. */
    private record HandIn(List<Submission> rows, List<ConceptMap.Evidence> evidence, OffsetDateTime submittedAt) {
    }

    /** Grades an attempt for handing in, storing nothing: once time is up only the drafts saved in time count. */
    private HandIn handIn(Attempt attempt, Map<Integer, Map<String, String>> answers, String idempotencyKey, Instant now) {
        boolean late = attempt.isOverdue(now);
        Map<Integer, Map<String, String>> drafts = drafts(attempt);
        java.util.Set<Long> answered = new java.util.HashSet<>();
        if (attempt.quiz.mode == Quiz.Mode.practice) {
            answered.addAll(em.createQuery("select distinct s.item.id from Submission s where s.item.attempt = ?1", Long.class)
                    .setParameter(1, attempt).getResultList());
        }
        List<Submission> rows = new java.util.ArrayList<>();
        List<ConceptMap.Evidence> evidence = new java.util.ArrayList<>();
        for (AttemptItem item : AttemptItem.of(attempt)) {
            Map<String, String> given = late ? drafts.getOrDefault(item.position, Map.of())
                    : merged(drafts.getOrDefault(item.position, Map.of()), answers.getOrDefault(item.position, Map.of()));
            if (attempt.quiz.mode == Quiz.Mode.exam || !answered.contains(item.id)) {
                grade(item, given, idempotencyKey + ":" + item.position, rows, evidence);
            }
        }
        return new HandIn(rows, evidence, (late && attempt.deadlineAt != null ? attempt.deadlineAt.toInstant() : now).atOffset(ZoneOffset.UTC));
    }

    /**
     * A page shows an overdue attempt as handed in without storing anything (a GET never writes): the attempt
     * is detached and marked handed in in memory only, and the rows handing it in will store (the sweeper or
     * the next POST stores exactly these, from the same drafts, which can no longer change) are returned
     * unsaved, by question and part. Nothing for an attempt that is handed in or still running.
     */
    public Map<Integer, Map<String, Submission>> showAsHandedIn(Attempt attempt, Instant now) {
        if (attempt.isSubmitted() || !attempt.isOverdue(now)) {
            return Map.of();
        }
        HandIn handIn = handIn(attempt, Map.of(), attempt.id + ":deadline", now);
        em.detach(attempt);
        attempt.submittedAt = handIn.submittedAt();
        Map<Integer, Map<String, Submission>> out = new HashMap<>();
        for (Submission s : handIn.rows()) {
            out.computeIfAbsent(s.item.position, p -> new LinkedHashMap<>()).put(s.partId, s);
        }
        return out;
    }

    /** Hands in one overdue attempt by id (the sweeper's entry); true when this call handed it in. */
    @Transactional
    public boolean closeOverdue(long attemptId, Instant now) {
        Attempt attempt = Attempt.findById(attemptId);
        if (attempt == null || attempt.isSubmitted() || !attempt.isOverdue(now)) {
            return false;
        }
        closeIfOverdue(attempt, now);
        return true;
    }

    /**
     * An attempt whose time ran out is submitted from its drafts: by the sweeper, or by the next POST that meets it (a
     * start, a hand-in). Pages only show it as handed in ({@link #showAsHandedIn}).
     */
    @Transactional
    public Attempt closeIfOverdue(Attempt attempt, Instant now) {
        if (!attempt.isSubmitted() && attempt.isOverdue(now)) {
            submit(attempt, Map.of(), attempt.id + ":deadline", now);
        }
        return attempt;
    }

    /** Grades one question and adds an unsaved submission per part: what the attempt page will show, stored once. */
    private void grade(AttemptItem item, Map<String, String> answers, String idempotencyKey, List<Submission> rows,
            List<ConceptMap.Evidence> evidence) {
        ExerciseDefinition definition = definition(item);
        Grader.Grade grade = Grader.grade(definition, item.seed, answers);
        evidence.addAll(ConceptMap.evidence(definition, grade));
        // a quiz that weighs the exercise differently scales every part alike, so sums of stored scores stay right
        double factor = item.points == null || definition.maxScore() <= 0 ? 1 : item.points.doubleValue() / definition.maxScore();
        for (Grader.PartResult part : grade.parts()) {
            Submission s = new Submission();
            s.item = item;
            s.exerciseVersion = item.exerciseVersion;
            s.seed = item.seed;
            s.partId = part.partId();
            s.rawAnswer = limit(part.raw() == null ? "" : part.raw());
            s.parsedAnswer = part.readAs();
            s.status = part.status().name();
            s.score = Grader.round(part.score() * factor);
            s.maxScore = Grader.round(part.maxScore() * factor);
            s.misconception = part.misconception() == null ? null : part.misconception().id();
            s.misconceptions = part.misconceptions().isEmpty() ? null
                    : String.join(",", part.misconceptions().stream().map(org.convquiz.exercise.Misconception::id).toList());
            s.feedbackEn = part.feedback() == null ? null : part.feedback().en();
            s.feedbackZh = part.feedback() == null ? null : part.feedback().zh();
            s.referenceAnswer = part.reference();
            s.idempotencyKey = idempotencyKey;
            rows.add(s);
        }
    }

    private static final String[] SUBMISSION_COLUMNS = {"attempt_item_id", "exercise_version_id", "seed", "part_id", "raw_answer",
        "parsed_answer", "status", "score", "max_score", "misconception", "misconceptions", "feedback_en", "feedback_zh",
        "reference_answer", "idempotency_key"};

    /** A submission's values in the order of {@link #SUBMISSION_COLUMNS}. */
    private static Object[] values(Submission s) {
        return new Object[] {s.item.id, s.exerciseVersion.id, s.seed, s.partId, s.rawAnswer, s.parsedAnswer, s.status, s.score,
            s.maxScore, s.misconception, s.misconceptions, s.feedbackEn, s.feedbackZh, s.referenceAnswer, s.idempotencyKey};
    }

    /**
     * Every graded part in one multi-row statement; a repeated idempotency key (a double click, a
     * resent form, a simultaneous copy) stores nothing and the first copy stands.
     */
    private int insert(List<Submission> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("insert into submission (").append(String.join(", ", SUBMISSION_COLUMNS)).append(") values ");
        int n = SUBMISSION_COLUMNS.length;
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < n; c++) {
                sql.append(c == 0 ? "" : ", ").append('?').append(r * n + c + 1);
            }
            sql.append(')');
        }
        sql.append(" on conflict on constraint submission_idempotency_unique do nothing");
        var query = em.createNativeQuery(sql.toString());
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = values(rows.get(r));
            for (int c = 0; c < n; c++) {
                Object value = row[c];
                int index = r * n + c + 1;
                if (value == null) {
                    query.setParameter(index, new org.hibernate.query.TypedParameterValue<>(
                            org.hibernate.type.StandardBasicTypes.STRING, null));
                } else {
                    query.setParameter(index, value);
                }
            }
        }
        int stored = query.executeUpdate();
        // The attempt's score: the latest submission of each part, summed (read by the best-score rule).
        em.createNativeQuery("""
                update attempt a set score = (select coalesce(sum(l.score), 0) from (
                    select distinct on (s.attempt_item_id, s.part_id) s.score from submission s
                    join attempt_item ai on ai.id = s.attempt_item_id where ai.attempt_id = a.id
                    order by s.attempt_item_id, s.part_id, s.id desc) l)
                where a.id = (select attempt_id from attempt_item where id = ?1)""").setParameter(1, rows.get(0).item.id).executeUpdate();
        return stored;
    }

    public ExerciseDefinition definition(AttemptItem item) {
        return catalog.definition(item.exerciseVersion);
    }

    @Transactional
    public Map<Integer, Map<String, String>> drafts(Attempt attempt) {
        Map<Integer, Map<String, String>> out = new HashMap<>();
        for (Draft d : Draft.<Draft>list("from Draft d join fetch d.item i where i.attempt = ?1", attempt)) {
            out.computeIfAbsent(d.item.position, p -> new HashMap<>()).put(d.partId, d.rawAnswer);
        }
        return out;
    }

    /** The latest submission of each part of each question. */
    @Transactional
    public Map<Integer, Map<String, Submission>> latestSubmissions(Attempt attempt) {
        Map<Integer, Map<String, Submission>> out = new HashMap<>();
        for (Submission s : Submission.<Submission>list("from Submission s join fetch s.item i where i.attempt = ?1 order by s.id", attempt)) {
            out.computeIfAbsent(s.item.position, p -> new LinkedHashMap<>()).put(s.partId, s);
        }
        return out;
    }

    /**
     * The grading rule, written once, as SQL common table expressions over the course {@code ?1} and the
     * students of a {@code scope_users(id)} expression the caller defines first: an attempt counts once handed
     * in (a practice attempt counts as it stands); its score is the sum of the latest submission of each part;
     * a student's grade for a quiz is the best counted attempt, unless an instructor set it by hand (table
     * {@code score_override}, which then wins, attempted or not). Ends with
     * {@code best(user_id, quiz_id, best, overridden, computed)} ({@code computed}: the attempts' best, null if none);
     * the gradebook (whole, or a page of students), its exports and the course page all select from it.
     */
    public static final String BEST_SCORES = """
            counted as (select a.id, a.user_id, a.quiz_id, a.score from attempt a join quiz q on q.id = a.quiz_id
                        join scope_users su on su.id = a.user_id
                        where q.course_id = ?1 and (a.submitted_at is not null or q.mode = 'practice')),
            computed as (select user_id, quiz_id, max(score) as best from counted group by user_id, quiz_id),
            overrides as (select o.user_id, o.quiz_id, o.score from score_override o join quiz oq on oq.id = o.quiz_id
                          join scope_users su on su.id = o.user_id where oq.course_id = ?1),
            best as (select coalesce(o.user_id, c.user_id) as user_id, coalesce(o.quiz_id, c.quiz_id) as quiz_id,
                            coalesce(o.score, c.best) as best, o.score is not null as overridden, c.best as computed
                     from computed c full join overrides o on o.user_id = c.user_id and o.quiz_id = c.quiz_id)""";

    /** One student's best score per quiz of a course (quizzes with no counted attempt are absent), in one statement. */
    @Transactional
    public Map<Long, Double> bestScores(long courseId, long userId) {
        Map<Long, Double> out = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("with scope_users as (select cast(?2 as bigint) as id), " + BEST_SCORES
                + " select quiz_id, best from best")
                .setParameter(1, courseId).setParameter(2, userId).getResultList();
        for (Object[] r : rows) {
            out.put(((Number) r[0]).longValue(), Grader.round(((Number) r[1]).doubleValue()));
        }
        return out;
    }

    /** An attempt's standing: total of its latest submissions, the points it is worth, and how many submissions it has. */
    public record Standing(double score, double maxScore, long submissions) {
    }

    /**
     * The standing of many attempts in two statements whatever their number: each attempt's stored score (kept by
     * {@link #insert} as the sum of the latest submission of each part, the one rule) with its submission count, and
     * each attempt's exercise versions (their points come from the catalog).
     */
    @Transactional
    public Map<Long, Standing> standings(java.util.Collection<Long> attemptIds) {
        Map<Long, Standing> out = new HashMap<>();
        if (attemptIds.isEmpty()) {
            return out;
        }
        Long[] ids = attemptIds.toArray(Long[]::new);
        Map<Long, double[]> sums = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.id, a.score, (select count(*) from submission s join attempt_item ai on ai.id = s.attempt_item_id
                                       where ai.attempt_id = a.id)
                from attempt a where a.id = any(?1)""").setParameter(1, ids).getResultList();
        for (Object[] r : rows) {
            sums.put(((Number) r[0]).longValue(), new double[] {r[1] == null ? 0 : ((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue()});
        }
        Map<Long, Double> max = new HashMap<>();
        for (Object[] r : em.createQuery("select ai.attempt.id, ai.exerciseVersion.id, ai.points from AttemptItem ai where ai.attempt.id in :ids",
                Object[].class).setParameter("ids", attemptIds).getResultList()) {
            double points = r[2] != null ? ((Number) r[2]).doubleValue() : catalog.definition(em.getReference(ExerciseVersion.class, r[1])).maxScore();
            max.merge((Long) r[0], points, Double::sum);
        }
        for (Long id : attemptIds) {
            double[] sum = sums.getOrDefault(id, new double[2]);
            out.put(id, new Standing(Grader.round(sum[0]), max.getOrDefault(id, 0.0), (long) sum[1]));
        }
        return out;
    }

    /** The points a quiz is worth: the sum over its exercises' latest versions. */
    @Transactional
    public double maxScore(Quiz quiz) {
        return maxScores(List.of(quiz.id)).getOrDefault(quiz.id, 0.0);
    }

    /** The points of many quizzes in one statement: the sum over each one's exercises' latest versions. */
    @Transactional
    public Map<Long, Double> maxScores(java.util.Collection<Long> quizIds) {
        Map<Long, Double> out = new HashMap<>();
        if (quizIds.isEmpty()) {
            return out;
        }
        for (Object[] r : em.createQuery("""
                select qi.quiz.id, ev.id, qi.points from QuizItem qi, ExerciseVersion ev
                where qi.quiz.id in :ids and ev.exercise = qi.exercise
                  and ev.version = (select max(v.version) from ExerciseVersion v where v.exercise = qi.exercise)""", Object[].class)
                .setParameter("ids", quizIds).getResultList()) {
            double points = r[2] != null ? ((Number) r[2]).doubleValue() : catalog.definition(em.getReference(ExerciseVersion.class, r[1])).maxScore();
            out.merge((Long) r[0], points, Double::sum);
        }
        return out;
    }

    /** Whether the student may see reference answers and derivations now. */
    public static boolean mayReveal(Attempt attempt, boolean itemAnswered, Instant now) {
        return mayReveal(attempt, itemAnswered, now, null);
    }

    /** The same, with the student's rules already read (after_close waits for the student's own close). */
    public static boolean mayReveal(Attempt attempt, boolean itemAnswered, Instant now, QuizOverride.Rules rules) {
        return switch (attempt.quiz.reveal) {
            case immediately -> itemAnswered || attempt.isSubmitted();
            case after_submit -> attempt.isSubmitted();
            case after_close -> (rules != null ? rules : QuizOverride.Rules.of(attempt.quiz, attempt.user)).state(now) == Quiz.State.closed;
            case never -> false;
        };
    }

    private static void requireOpen(Attempt attempt, Instant now) {
        if (attempt.isSubmitted()) {
            throw new QuizRuleException("quiz_rule_submitted", 409, "this attempt is already submitted");
        }
        if (attempt.isOverdue(now)) {
            throw new QuizRuleException("quiz_rule_time_up", 409, "time is up for this attempt");
        }
    }

    private static AttemptItem item(Attempt attempt, int position) {
        return AttemptItem.<AttemptItem>find("attempt = ?1 and position = ?2", attempt, position).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("no question " + position));
    }

    private static Map<String, String> merged(Map<String, String> drafts, Map<String, String> given) {
        Map<String, String> out = new HashMap<>(drafts);
        out.putAll(given);
        return out;
    }

    private static String limit(String raw) {
        return raw.length() > 20_000 ? raw.substring(0, 20_000) : raw;
    }
}
