import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Milliseconds of one bcrypt comparison per cost, on one thread, with the library the app uses (its
 * lib/main on the class path): the CPU a sign-in (and an offline guess) costs. Usage: BcryptCost 4 14
 */
public class BcryptCost {
    public static void main(String[] args) {
        int from = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int to = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < 20; i++) { // warm-up: JIT
            BcryptUtil.matches("warm-up", BcryptUtil.bcryptHash("warm-up", 6));
        }
        System.out.printf("cost  ms/check  checks/s on 1 core  on %d cores%n", cores);
        for (int cost = from; cost <= to; cost++) {
            String hash = BcryptUtil.bcryptHash("correct horse battery", cost);
            int n = 0;
            long start = System.nanoTime();
            long elapsed;
            do { // at least 1.5 s and 3 checks per cost
                BcryptUtil.matches("correct horse battery", hash);
                n++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < 1_500_000_000L || n < 3);
            double ms = elapsed / 1e6 / n;
            System.out.printf("%4d  %8.1f  %19.1f  %11.1f%n", cost, ms, 1000 / ms, cores * 1000 / ms);
        }
    }
}
