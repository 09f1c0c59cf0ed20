package org.convquiz.engine;

/** Which reduction a pooling window applies. */
public enum PoolKind { MAX, AVG }
