package org.convquiz.engine.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.Ops;
import org.convquiz.engine.Pool2d;
import org.convquiz.engine.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmark of the engine (not run by the test suite: the class name does not end in Test).
 *
 * <p>Run it from the project root:
 * <pre>
 * mvn -B -o -q test-compile
 * mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.convquiz.engine.bench.EngineBenchmark
 * </pre>
 * Compare with PyTorch on the same machine: {@code /usr/bin/python3 tools/pytorch/bench_conv.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    Tensor fig1X;
    Tensor fig1K;
    Tensor tutorialPoolX;
    Pool2d tutorialPool;
    Tensor exampleX;
    Tensor exampleW;
    Tensor exampleB;
    Conv2d exampleConv;
    Tensor bigX;
    Tensor bigW;
    Tensor bigB;
    Conv2d bigConv;

    static Tensor random(Random r, int... shape) {
        double[] d = new double[Tensor.zeros(shape).size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return Tensor.of(shape, d);
    }

    @Setup
    public void setup() {
        Random r = new Random(42);
        fig1X = Tensor.matrix(new double[][] {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}});
        fig1K = Tensor.matrix(new double[][] {{0, 1}, {2, 3}});
        tutorialPoolX = Tensor.arange(1, 2, 4, 4);
        tutorialPool = Pool2d.max(3).withPadding(1).withStride(org.convquiz.engine.Pair.of(2, 1));
        exampleConv = Conv2d.of(2, 3, org.convquiz.engine.Pair.of(3, 5)).withPadding(org.convquiz.engine.Padding.perSide(1, 2));
        exampleX = random(r, 4, 2, 3, 5);
        exampleW = random(r, 3, 2, 3, 5);
        exampleB = random(r, 3);
        bigConv = Conv2d.of(64, 64, 3).withPadding(1);
        bigX = random(r, 1, 64, 56, 56);
        bigW = random(r, 64, 64, 3, 3);
        bigB = random(r, 64);
    }

    /** Fig. 1 with per-element derivation steps. */
    @Benchmark
    public Object fig1Correlate() {
        return Ops.correlate2d(fig1X, fig1K);
    }

    /** The tutorial's MaxPool2d(3, padding=1, stride=(2,1)) on arange(32).view(1,2,4,4), with steps. */
    @Benchmark
    public Object tutorialMaxPool() {
        return Ops.maxPool2d(tutorialPoolX, tutorialPool);
    }

    /** The tutorial's nn.Conv2d(2,3,(3,5),padding=(1,2)) on 4×2×3×5. */
    @Benchmark
    public Object tutorialConv2d() {
        return Ops.conv2d(exampleX, exampleW, exampleB, exampleConv);
    }

    /** 1×64×56×56 input, 3×3, 64→64, padding 1 (a ResNet stage-1 layer). */
    @Benchmark
    public Object conv2d64x56x56() {
        return Ops.conv2d(bigX, bigW, bigB, bigConv);
    }

    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : EngineBenchmark.class.getSimpleName();
        new Runner(new OptionsBuilder().include(include).build()).run();
    }
}
