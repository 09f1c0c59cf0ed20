-- Bench data (psql -v students=10000 -f bench/data.sql), after the app has loaded the exercises:
-- a course with :students students (bench0001…, password bench-pass-1, one bcrypt hash shared),
-- a practice quiz and an exam quiz of one exercise for the HTTP scenarios, and two handed-in exam
-- quizzes of 10 exercises each with 5 submissions per question (students × 20 questions × 5 rows)
-- for the gradebook and statistics scenarios.
\set ON_ERROR_STOP on
create extension if not exists pgcrypto;
begin;
-- bcrypt cost of the shared hash (psql -v cost=N; default 10, the app's default)
\if :{?cost}
\else
\set cost 10
\endif
select crypt('bench-pass-1', gen_salt('bf', :cost)) as hash \gset
insert into course (title, join_code) values ('Bench course', 'BENCH001') on conflict (join_code) do nothing;
select id as course from course where join_code = 'BENCH001' \gset
insert into app_user (username, password_hash, role, display_name)
select format('bench%s', lpad(i::text, 4, '0')), :'hash', 'student', format('Bench student %s', i) from generate_series(1, :students) i
on conflict (username) do nothing;
insert into app_user (username, password_hash, role, display_name) values ('benchteacher', :'hash', 'instructor', 'Bench teacher')
on conflict (username) do nothing;
insert into course_member (course_id, user_id, role)
select :course, id, role from app_user where username like 'bench%' on conflict do nothing;

-- HTTP scenarios: practice quiz (checks) and exam quiz (start burst), one exercise each.
insert into quiz (course_id, slug, title_en, title_zh, mode, reveal) values
  (:course, 'bench-practice', 'Bench practice', '练习', 'practice', 'immediately');
insert into quiz (course_id, slug, title_en, title_zh, mode, reveal, time_limit_minutes) values
  (:course, 'bench-exam', 'Bench exam', '考试', 'exam', 'after_submit', 30);
insert into quiz_item (quiz_id, position, exercise_id)
select q.id, 0, e.id from quiz q, exercise e where q.course_id = :course and q.slug in ('bench-practice', 'bench-exam')
  and e.slug = 'padding-output-shape';

-- Gradebook: two exams of 10 exercises each, every student handed both in.
insert into quiz (course_id, slug, title_en, title_zh, mode, reveal)
select :course, 'bench-book-' || g, 'Book ' || g, '成绩 ' || g, 'exam', 'after_submit' from generate_series(1, 2) g;
insert into quiz_item (quiz_id, position, exercise_id)
select q.id, e.rn - 1 - (case when q.slug = 'bench-book-1' then 0 else 10 end), e.id
from quiz q join (select id, row_number() over (order by slug) rn from exercise) e
  on (q.slug = 'bench-book-1' and e.rn <= 10) or (q.slug = 'bench-book-2' and e.rn between 11 and 20)
where q.course_id = :course;
insert into attempt (quiz_id, user_id, number, started_at, submitted_at)
select q.id, u.id, 1, now() - interval '1 hour', now() - interval '30 minutes'
from quiz q cross join app_user u where q.course_id = :course and q.slug like 'bench-book-%' and u.username ~ '^bench[0-9]+$';
insert into attempt_item (attempt_id, position, exercise_version_id, seed)
select a.id, qi.position, (select max(v.id) from exercise_version v where v.exercise_id = qi.exercise_id), a.id * 31 + qi.position
from attempt a join quiz q on q.id = a.quiz_id join quiz_item qi on qi.quiz_id = q.id
where q.course_id = :course and q.slug like 'bench-book-%';
insert into submission (attempt_item_id, exercise_version_id, seed, part_id, raw_answer, parsed_answer, status, score, max_score,
                        misconception, idempotency_key, reference_answer)
select ai.id, ai.exercise_version_id, ai.seed, 'p', '1', '1',
       case when (ai.id + k) % 3 = 0 then 'CORRECT' else 'WRONG' end,
       case when (ai.id + k) % 3 = 0 then 1 else 0 end, 1,
       case when (ai.id + k) % 3 = 1 then 'forgot_plus_one' end,
       'bench:' || ai.id || ':' || k, '2'  -- the right answer, stored with each graded part since V7
from attempt_item ai join attempt a on a.id = ai.attempt_id join quiz q on q.id = a.quiz_id, generate_series(1, 5) k
where q.course_id = :course and q.slug like 'bench-book-%';
-- each attempt's score, as the app keeps it when it stores submissions (V20)
update attempt a set score = l.total
from (select ai.attempt_id, sum(s.score) as total
      from (select distinct on (attempt_item_id, part_id) attempt_item_id, score from submission
            order by attempt_item_id, part_id, id desc) s
      join attempt_item ai on ai.id = s.attempt_item_id group by ai.attempt_id) l
where l.attempt_id = a.id;
commit;
analyze;
select :course as course_id,
       (select id from quiz where course_id = :course and slug = 'bench-practice') as practice_quiz,
       (select id from quiz where course_id = :course and slug = 'bench-exam') as exam_quiz,
       (select count(*) from submission) as submissions;
