package dev.slotbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as "a gateway that does nothing": a reverse proxy on a free loopback port straight to a backend,
 * started as this user with its own prefix, logging per request the time it spent in total and waiting for the
 * upstream ({@code $request_time}, {@code $upstream_response_time}), so its added latency is measured the way
 * Slotbridge's is: per request, inside.
 */
final class Nginx implements AutoCloseable {
    private final Process process;
    private final Path accessLog;
    final URI base;

    private Nginx(Process process, Path accessLog, URI base) {
        this.process = process;
        this.accessLog = accessLog;
        this.base = base;
    }

    static Nginx proxy(Path work, URI backend, int port) throws IOException, InterruptedException {
        Path prefix = Files.createDirectories(work.resolve("nginx"));
        Files.createDirectories(prefix.resolve("logs"));
        Path accessLog = prefix.resolve("logs/timing.log");
        Path config = Files.writeString(prefix.resolve("nginx.conf"), """
                worker_processes auto;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                  log_format timing '$request_time $upstream_response_time';
                  access_log %2$s timing;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  upstream backend { server %3$s:%4$d; keepalive 64; }
                  server {
                    listen 127.0.0.1:%5$d;
                    location / {
                      proxy_pass http://backend;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                    }
                  }
                }
                """.formatted(prefix, accessLog, backend.getHost(), backend.getPort(), port));
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        Process process = new ProcessBuilder(nginx, "-p", prefix.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        for (int i = 0; i < 500; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped:\n" + Files.readString(prefix.resolve("logs/stdout.log")));
            }
            try {
                http.send(HttpRequest.newBuilder(base).GET().build(), HttpResponse.BodyHandlers.discarding());
                return new Nginx(process, accessLog, base);
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nginx did not listen within 5 s");
    }

    /** The CPU time of nginx's master and workers so far. */
    long cpuNanos() throws IOException {
        long total = ProcessCpu.nanos(process.pid());
        for (ProcessHandle worker : process.children().toList()) {
            total += ProcessCpu.nanos(worker.pid());
        }
        return total;
    }

    /** How many lines the timing log holds now (to read only a run's lines afterwards). */
    long loggedLines() throws IOException {
        try (var lines = Files.lines(accessLog)) {
            return lines.count();
        }
    }

    /** Per request logged after the first {@code skip} lines: total minus upstream time, in microseconds. */
    List<Long> addedMicros(long skip) throws IOException {
        List<Long> added = new ArrayList<>();
        try (var lines = Files.lines(accessLog)) {
            lines.skip(skip).forEach(line -> {
                String[] times = line.strip().split(" ");
                if (times.length == 2 && !times[1].equals("-")) {
                    double upstream = 0;
                    for (String part : times[1].split(", ")) {
                        upstream += Double.parseDouble(part.replace(",", ""));
                    }
                    added.add(Math.max(0, Math.round((Double.parseDouble(times[0]) - upstream) * 1_000_000)));
                }
            });
        }
        return added;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
