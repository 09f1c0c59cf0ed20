package org.convquiz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The named networks against PUBLISHED figures (sources in each test) or numbers worked by hand in the
 * comments — never against the engine's own output.
 */
class ReferenceNetworksTest {

    private static int[] shape(Summary s, int layer) {
        return s.layers().get(layer - 1).outputShape();
    }

    @Test
    void lenet5() {
        // PyTorch "Neural Networks" tutorial (beginner/blitz/neural_networks_tutorial): conv1 1→6 5×5, conv2 6→16 5×5,
        // fc1 16*5*5→120, fc2 120→84, fc3 84→10 on a 32×32 image; LeCun et al. 1998: C1 6@28×28, S2 6@14×14,
        // C3 16@10×10, S4 16@5×5.
        Summary s = Networks.lenet5().summarize();
        assertArrayEquals(new int[] {6, 28, 28}, shape(s, 1));
        assertArrayEquals(new int[] {6, 14, 14}, shape(s, 3));
        assertArrayEquals(new int[] {16, 10, 10}, shape(s, 4));
        assertArrayEquals(new int[] {16, 5, 5}, shape(s, 6));
        assertArrayEquals(new int[] {400}, shape(s, 7));
        assertArrayEquals(new int[] {10}, s.outputShape());
        // 61,706 parameters, the figure widely quoted for this version: by hand 6·25+6 = 156, 16·150+16 = 2,416,
        // 400·120+120 = 48,120, 120·84+84 = 10,164, 84·10+10 = 850.
        assertEquals(156, s.layers().get(0).params());
        assertEquals(2_416, s.layers().get(3).params());
        assertEquals(48_120, s.layers().get(7).params());
        assertEquals(61_706, s.totalParams());
        // MACs by hand: 6·28·28·25 = 117,600; 16·10·10·150 = 240,000; 48,000 + 10,080 + 840 in the linear layers.
        assertEquals(117_600, s.layers().get(0).macs());
        assertEquals(240_000, s.layers().get(3).macs());
        assertEquals(0, s.layers().get(2).macs(), "pooling multiplies nothing");
        assertEquals(0, s.layers().get(1).macs(), "ReLU multiplies nothing");
        assertEquals(416_520, s.totalMacs());
    }

    @Test
    void alexnet() {
        // torchvision AlexNet_Weights.IMAGENET1K_V1: num_params 61,100,840, GFLOPS 0.71
        // (pytorch.org/vision/stable/models/generated/torchvision.models.alexnet.html).
        Summary s = Networks.alexnet().summarize();
        assertEquals(61_100_840, s.totalParams());
        assertEquals(71, Math.round(s.totalMacs() / 1e7), "0.71 G multiply-accumulates");
        // torchvision's conv1 (64 kernels 11×11, stride 4, padding 2) on 224×224: ⌊(224 + 4 − 11)/4⌋ + 1 = 55.
        Summary first = Networks.alexnetFirstLayers().summarize();
        assertArrayEquals(new int[] {64, 55, 55}, shape(first, 1));
        assertArrayEquals(new int[] {64, 27, 27}, shape(first, 3));
        assertArrayEquals(new int[] {192, 27, 27}, shape(first, 4));
        assertArrayEquals(new int[] {192, 13, 13}, shape(first, 6));
        assertArrayEquals(new int[] {256, 6, 6}, shape(s, 13), "torchvision's features end in 256×6×6");
        // CS231n notes (cs231n.github.io/convolutional-networks): AlexNet took 227×227×3 images; CONV1 has 96
        // filters 11×11 at stride 4 and pad 0 → 55×55×96 = 290,400 neurons with 11·11·3 = 363 weights + 1 bias each;
        // MAX POOL1 3×3 at stride 2 → 27×27×96. Parameters 96·364 = 34,944; MACs 290,400·363 = 105,415,200.
        Summary conv1 = Networks.alexnetOriginalConv1().summarize();
        assertArrayEquals(new int[] {96, 55, 55}, shape(conv1, 1));
        assertArrayEquals(new int[] {96, 27, 27}, shape(conv1, 3));
        assertEquals(34_944, conv1.totalParams());
        assertEquals(105_415_200, conv1.totalMacs());
    }

    @Test
    void vgg16() {
        // torchvision VGG16_Weights.IMAGENET1K_V1: num_params 138,357,544, GFLOPS 15.47
        // (pytorch.org/vision/stable/models/generated/torchvision.models.vgg16.html).
        Summary s = Networks.vgg16().summarize();
        assertEquals(138_357_544L, s.totalParams());
        assertEquals(1547, Math.round(s.totalMacs() / 1e7), "15.47 G multiply-accumulates");
        // Simonyan and Zisserman 2015, configuration D: the five max pools leave 112, 56, 28, 14, 7.
        List<int[]> pools = new ArrayList<>();
        for (LayerSummary row : s.layers()) {
            if (row.name().startsWith("MaxPool2d")) {
                pools.add(row.outputShape());
            }
        }
        assertEquals(5, pools.size());
        assertArrayEquals(new int[] {64, 112, 112}, pools.get(0));
        assertArrayEquals(new int[] {128, 56, 56}, pools.get(1));
        assertArrayEquals(new int[] {256, 28, 28}, pools.get(2));
        assertArrayEquals(new int[] {512, 14, 14}, pools.get(3));
        assertArrayEquals(new int[] {512, 7, 7}, pools.get(4));
        // The VGG block alone: 64·128·9 + 128 = 73,856 and 128·128·9 + 128 = 147,584 parameters.
        Summary block = Networks.vggBlock().summarize();
        assertEquals(73_856 + 147_584, block.totalParams());
        assertArrayEquals(new int[] {128, 56, 56}, block.outputShape());
    }

    @Test
    void resnet18() {
        // torchvision ResNet18_Weights.IMAGENET1K_V1: num_params 11,689,512, GFLOPS 1.81
        // (pytorch.org/vision/stable/models/generated/torchvision.models.resnet18.html).
        Summary s = Networks.resnet18().summarize();
        assertEquals(11_689_512L, s.totalParams());
        assertEquals(181, Math.round(s.totalMacs() / 1e7), "1.81 G multiply-accumulates");
        // torchstat's table for resnet18 at 3×224×224: conv1 → 64×112×112 with 118,013,952 multiply-adds.
        assertArrayEquals(new int[] {64, 112, 112}, shape(s, 1));
        assertEquals(118_013_952L, s.layers().get(0).macs());
        // He et al. 2016, Table 1: conv2_x 56×56, conv3_x 28×28, conv4_x 14×14, conv5_x 7×7 (64, 128, 256, 512 channels).
        List<int[]> blocks = s.layers().stream().filter(r -> r.name().startsWith("BasicBlock")).map(LayerSummary::outputShape).toList();
        assertEquals(8, blocks.size());
        assertArrayEquals(new int[] {64, 56, 56}, blocks.get(1));
        assertArrayEquals(new int[] {128, 28, 28}, blocks.get(3));
        assertArrayEquals(new int[] {256, 14, 14}, blocks.get(5));
        assertArrayEquals(new int[] {512, 7, 7}, blocks.get(7));
        assertArrayEquals(new int[] {1000}, s.outputShape());
    }

    @Test
    void basicBlockWithProjection() {
        // By hand: conv3×3/2 64→128: 73,728; conv3×3 128→128: 147,456; 1×1/2 projection 64→128: 8,192;
        // three batch norms of 2·128 = 256 each → 230,144.
        Summary s = Networks.resnetBasicBlockWithProjection().summarize();
        assertArrayEquals(new int[] {128, 28, 28}, s.outputShape());
        assertEquals(230_144, s.totalParams());
        // MACs: 28·28·128·(64·9 + 128·9 + 64) = 100,352·1,792 = 179,830,784.
        assertEquals(179_830_784L, s.totalMacs());
        // Without the projection the two paths cannot be added: the message names both shapes.
        List<Layer> main = ((Layer.Residual) Networks.basicBlock(64, 128, 2).get(0)).main();
        EngineException e = assertThrows(EngineException.class, () -> Network.summarize(new int[] {64, 56, 56},
                List.of(new Layer.Residual("BasicBlock", main, List.of()))));
        assertTrue(e.getMessage().contains("128×28×28") && e.getMessage().contains("64×56×56"), e.getMessage());
    }

    @Test
    void depthwiseSeparable() {
        // Howard et al. 2017 (MobileNets), eq. 5: a depthwise-separable conv costs 1/N + 1/D_K² of a standard one.
        // Here N = 64, D_K = 3, so (depthwise + pointwise)·576 = standard·73.
        Summary s = Networks.depthwiseSeparable().summarize();
        long standard = Network.summarize(new int[] {32, 112, 112}, List.of(Networks.conv(32, 64, 3, 1, 1))).totalMacs();
        assertEquals(231_211_008L, standard, "112·112·64·32·9 by hand");
        assertEquals(3_612_672L, s.layers().get(0).macs(), "depthwise: 112·112·32·9 (groups = 32: one 1×3×3 kernel per channel)");
        assertEquals(25_690_112L, s.layers().get(3).macs(), "pointwise: 112·112·64·32");
        assertEquals(standard * 73, s.totalMacs() * 576);
        assertEquals(288, s.layers().get(0).params(), "32 kernels of 1×3×3, no bias");
        // Howard et al. 2017, Table 8: 1.0 MobileNet-224 has 569 million mult-adds and 4.2 million parameters.
        Summary net = Networks.mobilenetV1().summarize();
        assertEquals(569, Math.round(net.totalMacs() / 1e6));
        assertEquals(42, Math.round(net.totalParams() / 1e5));
    }

    @Test
    void dilated() {
        // Yu and Koltun 2016 (Multi-scale context aggregation by dilated convolutions), section 2: 3×3 filters with
        // dilation 1, 2, 4 give receptive fields of 3×3, 7×7 and 15×15 ((2^{i+2} − 1)²); padding = dilation keeps the size.
        Summary s = Networks.dilatedStack().summarize();
        assertEquals(3, s.layers().get(0).rfH().size());
        assertEquals(7, s.layers().get(2).rfH().size());
        assertEquals(15, s.layers().get(4).rfH().size());
        assertEquals(15, s.layers().get(4).rfW().size());
        assertArrayEquals(new int[] {16, 64, 64}, s.outputShape());
        // Dilation adds reach, not weights or work: 16·16·9 + 16 parameters and 64·64·16·16·9 MACs each.
        assertEquals(2_320, s.layers().get(4).params());
        assertEquals(9_437_184L, s.layers().get(4).macs());
    }

    @Test
    void transposedUpsampling() {
        // PyTorch DCGAN tutorial, generator comments: (ngf*8)×4×4, (ngf*4)×8×8, (ngf*2)×16×16, ngf×32×32, nc×64×64.
        Summary s = Networks.dcganGenerator().summarize();
        List<int[]> ups = s.layers().stream().filter(r -> r.name().startsWith("ConvTranspose2d")).map(LayerSummary::outputShape).toList();
        assertArrayEquals(new int[] {512, 4, 4}, ups.get(0));
        assertArrayEquals(new int[] {256, 8, 8}, ups.get(1));
        assertArrayEquals(new int[] {128, 16, 16}, ups.get(2));
        assertArrayEquals(new int[] {64, 32, 32}, ups.get(3));
        assertArrayEquals(new int[] {3, 64, 64}, ups.get(4));
        // By hand: weights 100·512·16 + 512·256·16 + 256·128·16 + 128·64·16 + 64·3·16 = 3,574,784, batch norms 2·(512+256+128+64) = 1,920.
        assertEquals(3_576_704L, s.totalParams());
        // First layer MACs: each of the 100 inputs times a 512×4×4 slice = 819,200; second: 512·4·4 inputs × 256·16.
        assertEquals(819_200L, s.layers().get(0).macs());
        assertEquals(33_554_432L, s.layers().get(3).macs());
    }

    @Test
    void theLayerThatBreaksIsNamedWithItsShapes() {
        // LeNet-5 on a 28×28 MNIST digit without padding: 24 → 12 → 8 → 4, so 16·4·4 = 256 features reach fc1,
        // which expects 400 (PyTorch: "mat1 and mat2 shapes cannot be multiplied (1x256 and 400x120)").
        Networks.Named lenet = Networks.lenet5();
        Network.Break b = Network.firstBreak(new int[] {1, 28, 28}, lenet.layers()).orElseThrow();
        assertEquals(8, b.layer());
        assertEquals("Linear", b.name());
        assertArrayEquals(new int[] {256}, b.inputShape());
        assertTrue(b.message().contains("256") && b.message().contains("400"), b.message());
        assertTrue(Network.firstBreak(lenet.inputShape(), lenet.layers()).isEmpty());
        // d2l.ai's LeNet pads the first conv by 2 for 28×28 Fashion-MNIST: the smallest padding that fits.
        assertEquals(2, Network.paddingThatFits(new int[] {1, 28, 28}, lenet.layers(), 1, 5).getAsInt());
        // A kernel larger than its input breaks at that conv.
        Network.Break small = Network.firstBreak(new int[] {1, 12, 12}, lenet.layers()).orElseThrow();
        assertEquals(4, small.layer());
        assertTrue(small.message().contains("5×5") && small.message().contains("4×4"), small.message());
    }

    @Test
    void everyNetworkHasAUniqueIdAndSummarizes() {
        Set<String> ids = Networks.all().stream().map(Networks.Named::id).collect(Collectors.toSet());
        assertEquals(Networks.all().size(), ids.size());
        for (Networks.Named n : Networks.all()) {
            assertTrue(n.summarize().totalParams() > 0, n.id());
        }
    }
}
