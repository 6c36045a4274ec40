package org.stackratings.openstack.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket server for the boundary's tests: it reads one request head and hands the socket's output to a
 * {@link Behaviour}, which may write anything, slowly or forever. It counts the requests it received, so a test can
 * show that none reached it.
 */
final class RawHttpServer implements AutoCloseable {

    @FunctionalInterface
    interface Behaviour {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();

    RawHttpServer(String address, Behaviour behaviour) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getByName(address));
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    threads.execute(() -> serve(client, behaviour));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    private void serve(Socket client, Behaviour behaviour) {
        try (client) {
            readHead(client.getInputStream());
            requests.incrementAndGet();
            behaviour.answer(client.getOutputStream());
        } catch (IOException e) {
            // the client closed the connection: what the tests make it do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    String url(String path) {
        return "http://" + socket.getInetAddress().getHostAddress() + ":" + port() + path;
    }

    int requests() {
        return requests.get();
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
