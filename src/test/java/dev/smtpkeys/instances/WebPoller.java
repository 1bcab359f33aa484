package dev.smtpkeys.instances;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the balancer for the sign-in page again and again on a thread of its own, and records every
 * answer that is not a 200 and which instances answered, overall and since {@link #mark}.
 */
final class WebPoller implements AutoCloseable {

    private final WebClient web;
    private final Thread thread;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> servedBy = ConcurrentHashMap.newKeySet();
    private final Set<String> servedSinceMark = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    WebPoller(int port) {
        this.web = new WebClient(port);
        this.thread = new Thread(this::run, "web-poller");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                WebClient.Page page = web.get("/login");
                if (page.status() == 200) {
                    servedBy.add(page.servedBy());
                    servedSinceMark.add(page.servedBy());
                } else {
                    failures.add(page.status() + " from " + page.servedBy());
                }
            } catch (IOException e) {
                failures.add(e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                return;
            }
            AppInstance.pause(25);
        }
    }

    /** Forgets who answered so far, for {@link #servedSinceMark}. */
    void mark() {
        servedSinceMark.clear();
    }

    boolean servedSinceMark(String instance) {
        return servedSinceMark.contains(instance);
    }

    boolean servedBy(String instance) {
        return servedBy.contains(instance);
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(30_000);
    }
}
