package org.stackratings.openstack.http;

/** Hears how each call of a session ended: answered (any HTTP status), or unanswered (no answer in time, no connection). */
public interface CallObserver {

    CallObserver NONE = new CallObserver() {
        @Override
        public void answered() {
        }

        @Override
        public void unanswered() {
        }
    };

    void answered();

    void unanswered();
}
