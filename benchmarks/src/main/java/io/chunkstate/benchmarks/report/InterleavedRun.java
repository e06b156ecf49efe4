package io.chunkstate.benchmarks.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks with the forks their annotations give, in rounds: round {@code k} runs the
 * {@code k}-th fork of every benchmark that has {@code k} or more, in JMH's order. The two sides
 * of a ratio (chunkstate and hand-written code, next to each other in that order) so take their
 * forks side by side over the whole run, and a stretch in which a shared machine runs slower
 * falls on both, where JMH's own order runs all forks of one side before the first of the other.
 * The {@code gc} profiler is on, as for {@code -prof gc}.
 *
 * <p>Writes one JMH JSON file with an entry per benchmark and parameters, holding the forks of
 * all rounds, in the format of {@code -rf json}: {@link ResultsReport} reads it as it reads JMH's.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.chunkstate.benchmarks.report.InterleavedRun \
 *     docs/perf/jmh.json [regex ...]
 * </pre>
 *
 * <p>The regular expressions select benchmarks as JMH's command line does; without any, all run.
 */
public final class InterleavedRun {
  /** JMH's forks for a benchmark whose annotations give none. */
  private static final int DEFAULT_FORKS = 5;

  private InterleavedRun() {}

  public static void main(String[] args) throws RunnerException {
    if (args.length < 1) {
      System.err.println("usage: InterleavedRun <jmh.json> [regex ...]");
      System.exit(2);
    }
    List<String> includes = args.length > 1 ? List.of(args).subList(1, args.length) : List.of(".*");
    SortedSet<BenchmarkListEntry> benchmarks =
        BenchmarkList.defaultList()
            .find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                includes,
                List.of());
    if (benchmarks.isEmpty()) {
      System.err.println("no benchmark matches " + includes);
      System.exit(2);
    }
    // One method can stand in the list once a mode; it runs once a round all the same.
    Map<String, Integer> forks = new LinkedHashMap<>();
    for (BenchmarkListEntry benchmark : benchmarks) {
      forks.merge(
          benchmark.getUsername(), benchmark.getForks().orElse(DEFAULT_FORKS), Math::max);
    }
    int rounds = forks.values().stream().mapToInt(Integer::intValue).max().orElseThrow();

    Map<String, List<RunResult>> runs = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, Integer> benchmark : forks.entrySet()) {
        if (benchmark.getValue() < round) {
          continue;
        }
        System.out.printf("# Round %d of %d: %s%n", round, rounds, benchmark.getKey());
        for (RunResult run : new Runner(oneFork(benchmark.getKey())).run()) {
          runs.computeIfAbsent(key(run.getParams()), k -> new ArrayList<>()).add(run);
        }
      }
    }

    List<RunResult> merged = new ArrayList<>();
    for (List<RunResult> sameBenchmark : runs.values()) {
      merged.add(merge(sameBenchmark));
    }
    merged.sort(RunResult.DEFAULT_SORT_COMPARATOR);
    ResultFormatFactory.getInstance(ResultFormatType.JSON, args[0]).writeOut(merged);
    System.out.println("# Wrote " + merged.size() + " results to " + args[0]);
  }

  /** One fork of exactly the benchmark method {@code name}, with its annotated settings. */
  private static Options oneFork(String name) {
    return new OptionsBuilder()
        .include("^" + Pattern.quote(name) + "$")
        .forks(1)
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .build();
  }

  /** A benchmark with its parameters, which one entry of the JSON holds. */
  private static String key(BenchmarkParams params) {
    StringBuilder key = new StringBuilder(params.getBenchmark()).append(' ').append(params.getMode());
    for (String param : params.getParamsKeys()) {
      key.append(' ').append(param).append('=').append(params.getParam(param));
    }
    return key.toString();
  }

  /** The forks of every round as one result, whose parameters count them all. */
  private static RunResult merge(List<RunResult> rounds) {
    Collection<BenchmarkResult> forks = new ArrayList<>();
    for (RunResult round : rounds) {
      forks.addAll(round.getBenchmarkResults());
    }
    BenchmarkParams p = rounds.get(0).getParams();
    BenchmarkParams params =
        new BenchmarkParams(
            p.getBenchmark(),
            p.generatedBenchmark(),
            p.shouldSynchIterations(),
            p.getThreads(),
            p.getThreadGroups(),
            p.getThreadGroupLabels(),
            forks.size(),
            p.getWarmupForks(),
            p.getWarmup(),
            p.getMeasurement(),
            p.getMode(),
            paramsOf(p),
            p.getTimeUnit(),
            p.getOpsPerInvocation(),
            p.getJvm(),
            p.getJvmArgs(),
            p.getJdkVersion(),
            p.getVmName(),
            p.getVmVersion(),
            p.getJmhVersion(),
            p.getTimeout());
    return new RunResult(params, forks);
  }

  /** The parameters of {@code p}, in their order. */
  private static WorkloadParams paramsOf(BenchmarkParams p) {
    WorkloadParams params = new WorkloadParams();
    int order = 0;
    for (String key : p.getParamsKeys()) {
      params.put(key, p.getParam(key), order++);
    }
    return params;
  }
}
