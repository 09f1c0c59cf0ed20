package org.convquiz;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read: the method runs in a transaction of its own in which Hibernate loads every entity read-only and
 * never flushes, so nothing the method changes in memory reaches the database ({@link ReadOnlyInterceptor}).
 * Called inside a caller's transaction, it joins that one as it is.
 */
@InterceptorBinding
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadOnly {
}
