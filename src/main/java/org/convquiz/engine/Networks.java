package org.convquiz.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Named reference networks built from the engine's layers, in PyTorch's definitions (dropout, which
 * changes no shape and has no parameters, is left out; so is an adaptive average pool that is the
 * identity at the input size given). The tests check them against published figures.
 */
public final class Networks {
    private Networks() {
    }

    /** A network with the input it is meant for; {@code id} names it (lowercase, dashes). */
    public record Named(String id, String title, int[] inputShape, List<Layer> layers) {
        public Named {
            inputShape = inputShape.clone();
            layers = List.copyOf(layers);
        }

        @Override
        public int[] inputShape() {
            return inputShape.clone();
        }

        public Summary summarize() {
            return Network.summarize(inputShape, layers);
        }
    }

    /** Every named network, in the order a page lists them. */
    public static List<Named> all() {
        return List.of(lenet5(), alexnetFirstLayers(), alexnetOriginalConv1(), alexnet(), vggBlock(), vgg16(),
                resnetBasicBlockWithProjection(), resnet18(), depthwiseSeparable(), mobilenetV1(), dilatedStack(), dcganGenerator());
    }

    public static Named byId(String id) {
        for (Named n : all()) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        throw EngineException.invalid("unknown network '" + id + "'");
    }

    // ------------------------------------------------------------------ building blocks

    public static Layer conv(int in, int out, int k, int stride, int padding) {
        return new Layer.Conv(Conv2d.of(in, out, k).withStride(stride).withPadding(padding));
    }

    private static Layer convNoBias(int in, int out, int k, int stride, int padding) {
        return new Layer.Conv(Conv2d.of(in, out, k).withStride(stride).withPadding(padding).withBias(false));
    }

    public static Layer maxPool(int k, int stride) {
        return new Layer.Pool(Pool2d.max(k).withStride(stride));
    }

    private static Layer relu() {
        return new Layer.ReLU();
    }

    private static Layer linear(int in, int out) {
        return new Layer.Linear(in, out, true);
    }

    /** VGG's block: {@code convs} × (3×3 conv, padding 1, + ReLU), then a 2×2 max pool with stride 2. */
    public static List<Layer> vggBlock(int in, int out, int convs) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < convs; i++) {
            layers.add(conv(i == 0 ? in : out, out, 3, 1, 1));
            layers.add(relu());
        }
        layers.add(maxPool(2, 2));
        return layers;
    }

    /**
     * ResNet's basic block (torchvision's BasicBlock): conv3×3(stride)–BN–ReLU–conv3×3–BN on the main path,
     * a 1×1 conv with the same stride + BN on the shortcut when the shape changes, the sum, then ReLU.
     */
    public static List<Layer> basicBlock(int in, int out, int stride) {
        List<Layer> main = List.of(convNoBias(in, out, 3, stride, 1), new Layer.BatchNorm(out), relu(),
                convNoBias(out, out, 3, 1, 1), new Layer.BatchNorm(out));
        List<Layer> shortcut = stride != 1 || in != out
                ? List.of(convNoBias(in, out, 1, stride, 0), new Layer.BatchNorm(out))
                : List.of();
        return List.of(new Layer.Residual("BasicBlock", main, shortcut), relu());
    }

    /** MobileNet's depthwise-separable block: 3×3 depthwise conv (groups = channels)–BN–ReLU, 1×1 pointwise conv–BN–ReLU. */
    public static List<Layer> depthwiseSeparable(int in, int out, int stride) {
        return List.of(new Layer.Conv(Conv2d.of(in, in, 3).withStride(stride).withPadding(1).withGroups(in).withBias(false)),
                new Layer.BatchNorm(in), relu(), convNoBias(in, out, 1, 1, 0), new Layer.BatchNorm(out), relu());
    }

    // ------------------------------------------------------------------ the networks

    /** LeNet-5 as in PyTorch's "Neural Networks" tutorial: two 5×5 convs with 2×2 max pools, three linear layers. */
    public static Named lenet5() {
        return new Named("lenet5", "LeNet-5", new int[] {1, 32, 32}, List.of(
                conv(1, 6, 5, 1, 0), relu(), maxPool(2, 2),
                conv(6, 16, 5, 1, 0), relu(), maxPool(2, 2),
                new Layer.Flatten(), linear(400, 120), relu(), linear(120, 84), relu(), linear(84, 10)));
    }

    /** torchvision's AlexNet, first two stages: conv 11×11/4 (64), max pool 3/2, conv 5×5 (192), max pool 3/2. */
    public static Named alexnetFirstLayers() {
        return new Named("alexnet-first", "AlexNet, first layers (torchvision)", new int[] {3, 224, 224},
                alexnetFeatures().subList(0, 6));
    }

    /** The original AlexNet's first layer on a 227×227 image: 96 kernels of 11×11, stride 4, then overlapping 3/2 max pooling. */
    public static Named alexnetOriginalConv1() {
        return new Named("alexnet-conv1", "AlexNet conv1 (Krizhevsky et al. 2012)", new int[] {3, 227, 227},
                List.of(conv(3, 96, 11, 4, 0), relu(), maxPool(3, 2)));
    }

    private static List<Layer> alexnetFeatures() {
        return List.of(conv(3, 64, 11, 4, 2), relu(), maxPool(3, 2),
                conv(64, 192, 5, 1, 2), relu(), maxPool(3, 2),
                conv(192, 384, 3, 1, 1), relu(), conv(384, 256, 3, 1, 1), relu(), conv(256, 256, 3, 1, 1), relu(),
                maxPool(3, 2));
    }

    /** torchvision's AlexNet (its adaptive 6×6 average pool is the identity at 224×224; dropout left out). */
    public static Named alexnet() {
        List<Layer> layers = new ArrayList<>(alexnetFeatures());
        layers.addAll(List.of(new Layer.Flatten(), linear(256 * 6 * 6, 4096), relu(), linear(4096, 4096), relu(), linear(4096, 1000)));
        return new Named("alexnet", "AlexNet (torchvision)", new int[] {3, 224, 224}, layers);
    }

    /** VGG's second block on its 64×112×112 input: two 3×3 convs to 128 channels and a 2×2 max pool. */
    public static Named vggBlock() {
        return new Named("vgg-block", "VGG block (2 × conv3-128, max pool)", new int[] {64, 112, 112}, vggBlock(64, 128, 2));
    }

    /** VGG-16 (configuration D), as torchvision builds it (its adaptive 7×7 average pool is the identity at 224×224). */
    public static Named vgg16() {
        List<Layer> layers = new ArrayList<>();
        layers.addAll(vggBlock(3, 64, 2));
        layers.addAll(vggBlock(64, 128, 2));
        layers.addAll(vggBlock(128, 256, 3));
        layers.addAll(vggBlock(256, 512, 3));
        layers.addAll(vggBlock(512, 512, 3));
        layers.addAll(List.of(new Layer.Flatten(), linear(512 * 7 * 7, 4096), relu(), linear(4096, 4096), relu(), linear(4096, 1000)));
        return new Named("vgg16", "VGG-16", new int[] {3, 224, 224}, layers);
    }

    /** ResNet-18's first block of layer2: 64×56×56 → 128×28×28, with a 1×1 stride-2 projection on the shortcut. */
    public static Named resnetBasicBlockWithProjection() {
        return new Named("resnet-block", "ResNet basic block with 1×1 projection", new int[] {64, 56, 56}, basicBlock(64, 128, 2));
    }

    /** torchvision's ResNet-18 (its adaptive average pool is a 7×7 average pool at 224×224). */
    public static Named resnet18() {
        List<Layer> layers = new ArrayList<>(List.of(convNoBias(3, 64, 7, 2, 3), new Layer.BatchNorm(64), relu(),
                new Layer.Pool(Pool2d.max(3).withStride(2).withPadding(1))));
        int in = 64;
        for (int out : new int[] {64, 128, 256, 512}) {
            layers.addAll(basicBlock(in, out, in == out ? 1 : 2));
            layers.addAll(basicBlock(out, out, 1));
            in = out;
        }
        layers.addAll(List.of(new Layer.Pool(Pool2d.avg(7)), new Layer.Flatten(), linear(512, 1000)));
        return new Named("resnet18", "ResNet-18", new int[] {3, 224, 224}, layers);
    }

    /** One MobileNet depthwise-separable block: 32 → 64 channels on 112×112. */
    public static Named depthwiseSeparable() {
        return new Named("depthwise-separable", "Depthwise-separable convolution", new int[] {32, 112, 112},
                depthwiseSeparable(32, 64, 1));
    }

    /** MobileNet v1 (width 1.0, 224×224): a 3×3/2 conv and 13 depthwise-separable blocks, 7×7 average pool, linear. */
    public static Named mobilenetV1() {
        List<Layer> layers = new ArrayList<>(List.of(convNoBias(3, 32, 3, 2, 1), new Layer.BatchNorm(32), relu()));
        int[][] blocks = {{32, 64, 1}, {64, 128, 2}, {128, 128, 1}, {128, 256, 2}, {256, 256, 1}, {256, 512, 2},
            {512, 512, 1}, {512, 512, 1}, {512, 512, 1}, {512, 512, 1}, {512, 512, 1}, {512, 1024, 2}, {1024, 1024, 1}};
        for (int[] b : blocks) {
            layers.addAll(depthwiseSeparable(b[0], b[1], b[2]));
        }
        layers.addAll(List.of(new Layer.Pool(Pool2d.avg(7)), new Layer.Flatten(), linear(1024, 1000)));
        return new Named("mobilenet-v1", "MobileNet v1", new int[] {3, 224, 224}, layers);
    }

    /** Yu and Koltun's context module, first three layers: 3×3 convs with dilation 1, 2, 4 (padding = dilation keeps the size). */
    public static Named dilatedStack() {
        List<Layer> layers = new ArrayList<>();
        for (int d : new int[] {1, 2, 4}) {
            layers.add(new Layer.Conv(Conv2d.of(16, 16, 3).withPadding(d).withDilation(d)));
            layers.add(relu());
        }
        return new Named("dilated", "Dilated convolutions (dilation 1, 2, 4)", new int[] {16, 64, 64}, layers);
    }

    /** The DCGAN generator of PyTorch's DCGAN tutorial (nz = 100, ngf = 64, nc = 3; its final Tanh left out): 1×1 → 64×64. */
    public static Named dcganGenerator() {
        List<Layer> layers = new ArrayList<>();
        int[][] ups = {{100, 512, 1, 0}, {512, 256, 2, 1}, {256, 128, 2, 1}, {128, 64, 2, 1}, {64, 3, 2, 1}};
        for (int i = 0; i < ups.length; i++) {
            int[] u = ups[i];
            layers.add(new Layer.ConvTranspose(new ConvTranspose2d(u[0], u[1], Pair.of(4), Pair.of(u[2]), Pair.of(u[3]),
                    Pair.of(0), Pair.of(1), 1, false)));
            if (i < ups.length - 1) {
                layers.add(new Layer.BatchNorm(u[1]));
                layers.add(relu());
            }
        }
        return new Named("dcgan-generator", "Transposed-conv upsampling (DCGAN generator)", new int[] {100, 1, 1}, layers);
    }
}
