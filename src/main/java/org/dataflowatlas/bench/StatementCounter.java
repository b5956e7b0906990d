package org.dataflowatlas.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Watches the application's Neo4j driver: counts the Cypher statements sent through sessions and
 * transactions, and records the access mode (READ or WRITE) of every session opened. Installed as
 * a bean post-processor, so the application uses the watched driver without knowing it. The
 * benchmark ({@code dataflow.bench.count-statements=true}) and the tests install it; a normal run does not.
 */
public final class StatementCounter implements BeanPostProcessor {

    private final AtomicInteger statements = new AtomicInteger();
    private final List<AccessMode> sessionModes = Collections.synchronizedList(new ArrayList<>());

    public void reset() {
        statements.set(0);
        sessionModes.clear();
    }

    public int statements() {
        return statements.get();
    }

    public List<AccessMode> sessionModes() {
        synchronized (sessionModes) {
            return List.copyOf(sessionModes);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof Driver driver ? watch(driver, Driver.class) : bean;
    }

    private Object watch(Object target, Class<?> type) {
        var interfaces = new LinkedHashSet<Class<?>>();
        interfaces.add(type);
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (var i : c.getInterfaces()) {
                if (i.getName().startsWith("org.neo4j.driver.") && !i.getName().contains(".internal.")) {
                    interfaces.add(i);
                }
            }
        }
        InvocationHandler handler = (proxy, method, args) -> intercept(target, method, args);
        return Proxy.newProxyInstance(type.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
    }

    private Object intercept(Object target, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("run")) {
            statements.incrementAndGet();
            if (Boolean.getBoolean("statementCounter.debug")) {
                System.err.println("CYPHER " + String.valueOf(args[0]).replaceAll("\\s+", " "));
            }
        }
        if (args != null) {
            for (var arg : args) {
                if (arg instanceof SessionConfig config) {
                    sessionModes.add(config.defaultAccessMode());
                }
            }
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
        // Follow sessions and transactions so their run() calls are counted too.
        if (result != null
                && method.getReturnType().isInterface()
                && method.getReturnType().getName().startsWith("org.neo4j.driver.")
                && (method.getReturnType().getSimpleName().contains("Session")
                        || method.getReturnType().getSimpleName().contains("Transaction"))) {
            return watch(result, method.getReturnType());
        }
        return result;
    }
}
