import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ConvQuiz load driver (loopback only; bounded in requests and seconds). Run with {@code java bench/LoadDriver.java MODE ...}:
 *   get URL THREADS SECONDS                    trivial-GET baseline
 *   checks BASE COURSE QUIZ USERS THREADS SECONDS   practice checks as fast as they are answered (each a new submission)
 *   paced BASE COURSE QUIZ USERS PERIOD_S SECONDS   each user checks once per period (class-like load), latency
 *   starts BASE COURSE QUIZ USERS              every user clicks Start on an exam in the same moment
 *   signins BASE USERS THREADS                 USERS sign in at once (THREADS at a time) while a probe GETs /q/health/live
 * Users are bench0001..benchNNNN with password bench-pass-1 (bench/data.sql). Prints one line of key=value.
 */
public class LoadDriver {
    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "get" -> get(a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]));
            case "checks" -> checks(a[1], a[2], a[3], Integer.parseInt(a[4]), Integer.parseInt(a[5]), Integer.parseInt(a[6]), 0);
            case "paced" -> checks(a[1], a[2], a[3], Integer.parseInt(a[4]), Integer.parseInt(a[4]), Integer.parseInt(a[6]),
                    Integer.parseInt(a[5]));
            case "starts" -> starts(a[1], a[2], a[3], Integer.parseInt(a[4]));
            case "signins" -> signins(a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]));
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    static void requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            throw new IllegalArgumentException("loopback addresses only: " + host);
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static HttpResponse<String> post(HttpClient c, String url, Map<String, String> fields) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> page(HttpClient c, String url) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A signed-in student: client with cookies, and the CSRF token of the course page. */
    record Student(HttpClient client, String csrf) {
    }

    static Student login(String base, String course, int n) throws Exception {
        HttpClient c = client();
        String user = String.format("bench%04d", n);
        HttpResponse<String> r = post(c, base + "/j_security_check", Map.of("j_username", user, "j_password", "bench-pass-1"));
        if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/courses")) {
            throw new IllegalStateException("login " + user + ": " + r.statusCode());
        }
        Matcher m = CSRF.matcher(page(c, base + "/courses/" + course).body());
        if (!m.find()) {
            throw new IllegalStateException("no csrf token for " + user);
        }
        return new Student(c, m.group(1));
    }

    static List<Student> logins(String base, String course, int users) throws Exception {
        List<Student> out = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        AtomicInteger next = new AtomicInteger(1);
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) <= users;) {
                    try {
                        out.add(login(base, course, i));
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        return out;
    }

    /**
     * A class signing in at once: every user posts the sign-in form once, THREADS at a time; meanwhile one
     * probe thread times a trivial GET, to show whether sign-in stalls the rest of the server.
     */
    static void signins(String base, int users, int threads) throws Exception {
        requireLoopback(base);
        List<Long> lat = Collections.synchronizedList(new ArrayList<>());
        List<Long> probe = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i; (i = next.getAndIncrement()) <= users;) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = post(client(), base + "/j_security_check",
                                Map.of("j_username", String.format("bench%04d", i), "j_password", "bench-pass-1"));
                        if (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").endsWith("/courses")) {
                            ok.incrementAndGet();
                        } else {
                            bad.incrementAndGet();
                        }
                    } catch (Exception e) {
                        bad.incrementAndGet();
                    }
                    lat.add(System.nanoTime() - t0);
                }
            });
            th.start();
            ts.add(th);
        }
        HttpClient probeClient = HttpClient.newHttpClient();
        Thread prober = new Thread(() -> {
            while (next.get() <= users) {
                long t0 = System.nanoTime();
                try {
                    probeClient.send(HttpRequest.newBuilder(URI.create(base + "/q/health/live")).GET().build(), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    return;
                }
                probe.add(System.nanoTime() - t0);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        go.countDown();
        prober.start();
        for (Thread th : ts) {
            th.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        prober.join();
        List<Long> p = new ArrayList<>(probe);
        Collections.sort(p);
        double probeP99 = p.isEmpty() ? 0 : p.get(Math.min(p.size() - 1, (int) Math.ceil(p.size() * 0.99) - 1)) / 1e6;
        System.out.printf("signins users=%d ok=%d failed=%d seconds=%.2f signins_per_s=%.1f probe_get_p99_ms=%.1f%n", users, ok.get(),
                bad.get(), seconds, ok.get() / seconds, probeP99);
        List<Long> l = new ArrayList<>(lat);
        Collections.sort(l);
        System.out.printf("signins latency p50_ms=%.1f p99_ms=%.1f%n", l.get(l.size() / 2) / 1e6,
                l.get(Math.min(l.size() - 1, (int) Math.ceil(l.size() * 0.99) - 1)) / 1e6);
    }

    static void get(String url, int threads, int seconds) throws Exception {
        requireLoopback(url);
        HttpClient c = HttpClient.newHttpClient();
        List<Long> lat = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger bad = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    try {
                        int code = c.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (code != 200) {
                            bad.incrementAndGet();
                        }
                    } catch (Exception e) {
                        bad.incrementAndGet();
                    }
                    lat.add(System.nanoTime() - s);
                }
            });
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            th.join();
        }
        report("get", lat, seconds, Map.of("errors", bad.get()));
    }

    /** Checks on practice attempts; period 0 = back to back, else one per user per period seconds. */
    static void checks(String base, String course, String quiz, int users, int threads, int seconds, int period) throws Exception {
        requireLoopback(base);
        List<Student> students = logins(base, course, users);
        List<Long> attempts = new ArrayList<>();
        for (Student s : students) {
            HttpResponse<String> r = post(s.client(), base + "/quizzes/" + quiz + "/attempts", Map.of("csrf-token", s.csrf()));
            String loc = r.headers().firstValue("Location").orElseThrow();
            attempts.add(Long.parseLong(loc.substring(loc.lastIndexOf('/') + 1)));
        }
        List<Long> lat = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
        AtomicInteger acked = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int me = t;
            Thread th = new Thread(() -> {
                int i = me % students.size();
                Student s = students.get(i);
                long attempt = attempts.get(i);
                long next = start + (period == 0 ? 0 : (long) (Math.random() * period * 1e9));
                while (true) {
                    if (period > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        next += period * 1_000_000_000L;
                    }
                    if (System.nanoTime() >= end) {
                        return;
                    }
                    long t0 = System.nanoTime();
                    int code;
                    try {
                        code = post(s.client(), base + "/attempts/" + attempt + "/items/0", Map.of("csrf-token", s.csrf(),
                                "idempotency", UUID.randomUUID().toString(), "a.0.shape", "1×2×3")).statusCode();
                    } catch (Exception e) {
                        code = -1;
                    }
                    lat.add(System.nanoTime() - t0);
                    codes.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
                    if (code == 303) {
                        acked.incrementAndGet();
                    }
                }
            });
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            th.join();
        }
        report(period == 0 ? "checks" : "paced", lat, seconds, Map.of("acked", acked.get(), "codes", codes.toString(),
                "first_attempt", attempts.get(0), "last_attempt", attempts.get(attempts.size() - 1)));
    }

    static void starts(String base, String course, String quiz, int users) throws Exception {
        requireLoopback(base);
        List<Student> students = logins(base, course, users);
        List<Long> lat = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (Student s : students) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    long t0 = System.nanoTime();
                    int code;
                    try {
                        code = post(s.client(), base + "/quizzes/" + quiz + "/attempts", Map.of("csrf-token", s.csrf())).statusCode();
                    } catch (Exception e) {
                        code = -1;
                    }
                    lat.add(System.nanoTime() - t0);
                    codes.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            th.start();
            ts.add(th);
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread th : ts) {
            th.join();
        }
        report("starts", lat, Math.max(1, (int) Math.ceil((System.nanoTime() - t0) / 1e9)), Map.of("codes", codes.toString()));
    }

    static void report(String name, List<Long> lat, int seconds, Map<String, Object> extra) {
        List<Long> sorted = new ArrayList<>(lat);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6;
        StringBuilder b = new StringBuilder(name).append(" requests=").append(sorted.size())
                .append(String.format(" per_s=%.1f p50_ms=%.1f p99_ms=%.1f", sorted.size() / (double) seconds, p50, p99));
        extra.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        System.out.println(b);
    }
}
