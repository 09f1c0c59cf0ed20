package org.convquiz.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.convquiz.quiz.Session;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away while the app runs: the app reaches it through a loopback TCP relay that the
 * test cuts. Pages and APIs then answer 503 with Retry-After (never 500), and recover when it is back.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.Relayed.class)
class DatabaseDownTest {

    public static class Relayed implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RelayResource.class));
        }
    }

    /** Starts the relay before the app and points the datasource at it. */
    public static class RelayResource implements QuarkusTestResourceLifecycleManager {
        static Relay relay;

        @Override
        public Map<String, String> start() {
            String url = System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/convquiz");
            URI target = URI.create(url.substring("jdbc:".length()));
            try {
                relay = new Relay(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + relay.port() + target.getPath(),
                    "quarkus.datasource.jdbc.acquisition-timeout", "PT2S");
        }

        @Override
        public void stop() {
            relay.close();
        }
    }

    /** A loopback TCP relay that can drop every connection and refuse new ones. */
    static final class Relay {
        private final ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private volatile boolean up = true;

        Relay(String host, int port) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        if (!up) {
                            client.close();
                            continue;
                        }
                        Socket upstream = new Socket(host, port);
                        open.add(client);
                        open.add(upstream);
                        pipe(client, upstream);
                        pipe(upstream, client);
                    } catch (IOException e) {
                        // closed, or one connection failed: keep accepting
                    }
                }
            }, "db-relay");
            accept.setDaemon(true);
            accept.start();
        }

        private void pipe(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // the other side went away
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "db-relay-pipe");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void down() {
            up = false;
            open.forEach(Relay::closeQuietly);
            open.clear();
        }

        void up() {
            up = true;
        }

        void close() {
            down();
            closeQuietly(server);
        }

        private static void closeQuietly(java.io.Closeable c) {
            try {
                c.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Test
    void pagesAndApisAnswer503WithRetryAfterWhileTheDatabaseIsDown() {
        Session student = Session.login("student1", "convquiz-demo");
        student.page("/courses");
        RelayResource.relay.down();
        try {
            for (int i = 0; i < 3; i++) { // pooled connections broken, then no new ones
                student.request().header("Accept-Language", "en").get("/courses").then().statusCode(503)
                        .header("Retry-After", "5").contentType(containsString("text/html")).body(containsString("Busy right now"));
                student.request().header("Accept-Language", "zh").get("/history").then().statusCode(503)
                        .header("Retry-After", "5").body(containsString("服务器繁忙"));
                given().auth().preemptive().basic("teacher", "convquiz-demo").accept("application/json").get("/api/exercises")
                        .then().statusCode(503).header("Retry-After", "5")
                        .contentType(startsWith("application/problem+json")).body("status", equalTo(503));
            }
        } finally {
            RelayResource.relay.up();
        }
        student.page("/courses"); // back to normal once PostgreSQL is reachable again
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    @Test
    void theBusyPageInBothLanguages() {
        for (String lang : List.of("en", "zh")) {
            try (Browser browser = Browser.open(lang)) {
                var d = browser.driver();
                browser.signIn(root + "login?lang=" + lang, "student2", "convquiz-demo");
                RelayResource.relay.down();
                try {
                    d.get(root + "courses");
                    String text = d.findElement(org.openqa.selenium.By.tagName("h1")).getText();
                    org.junit.jupiter.api.Assertions.assertEquals("en".equals(lang) ? "Busy right now" : "服务器繁忙", text);
                    browser.screenshot("busy-503-" + lang);
                } finally {
                    RelayResource.relay.up();
                }
            }
        }
    }
}
