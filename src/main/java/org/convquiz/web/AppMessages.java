package org.convquiz.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Strings shared by every page (namespace {@code msg}); English here, Chinese in
 * {@code messages/msg_zh.properties}. Keys are named by view: {@code layout_*}, {@code home_*}, {@code error_*}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface AppMessages {
    @Message("en")
    String layout_lang();

    @Message("ConvQuiz")
    String layout_app_name();

    @Message("Conv arithmetic, graded by an engine")
    String layout_tagline();

    @Message("Home")
    String layout_nav_home();

    @Message("Calculator")
    String layout_nav_calculator();

    @Message("Language")
    String layout_language();

    @Message("ConvQuiz — exercises in convolutional-network arithmetic. Every answer is computed by an embedded PyTorch-exact engine.")
    String layout_footer();

    @Message("Practise the arithmetic of convolutional networks")
    String home_title();

    @Message("Cross-correlation, padding and stride, multi-channel and 1×1 convolutions, conv vs fully-connected parameter counts, max and average pooling, gradients through pooling and receptive fields: every quiz gives you your own numbers, grades your answer on the server and shows the derivation step by step.")
    String home_intro();

    @Message("Try the conv arithmetic calculator")
    String home_calculator_link();

    @Message("Page not found")
    String error_404_title();

    @Message("There is no page at {path}. Check the address, or go back to the home page.")
    String error_404_text(String path);

    @Message("Not allowed")
    String error_403_title();

    @Message("You do not have permission to see this page. Sign in with an account that does.")
    String error_403_text();

    @Message("Something went wrong")
    String error_500_title();

    @Message("The server could not finish this request. Nothing you had saved was lost; please try again. Reference: {ref}")
    String error_500_text(String ref);

    @Message("This request could not be handled")
    String error_other_title();

    @Message("The server answered with status {status}. Check what you sent and try again.")
    String error_other_text(Integer status);

    @Message("Back to the home page")
    String error_home_link();

    @Message("Conv arithmetic calculator")
    String calc_title();

    @Message("Pick a layer and its parameters in PyTorch's names: the engine that grades the quizzes computes the output shape, the parameter count and the receptive field, and shows each step. Add layers to see a whole stack, like torchsummary.")
    String calc_intro();

    @Message("Input shape (C×H×W or N×C×H×W)")
    String calc_input_shape();

    @Message("e.g. 3×100×100")
    String calc_input_shape_hint();

    @Message("Layer")
    String calc_layer();

    @Message("Parameters")
    String calc_params();

    @Message("Compute")
    String calc_compute();

    @Message("Add to the stack")
    String calc_add_layer();

    @Message("Clear the stack")
    String calc_clear();

    @Message("Output shape")
    String calc_output_shape();

    @Message("Parameters")
    String calc_param_count();

    @Message("Receptive field")
    String calc_receptive_field();

    @Message("Total")
    String calc_total();

    @Message("Derivation")
    String calc_steps();
}
