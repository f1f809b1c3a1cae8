/* Host driver for the digits example: classifies every image of the test split with the Kiln-generated model.
 *
 *   kiln compile Examples/digits/digits.onnx -o build/digits --prefix digits
 *   cc -std=c99 -O2 -Ibuild/digits Examples/digits/main.c $(find build/digits -name '*.c') -lm -o digits_host
 *   ./digits_host Examples/digits/test_images.f32 Examples/digits/test_labels.u8 [probabilities.f32]
 *
 * test_images.f32: N x [1,1,8,8] little-endian float32 (pixel / 16); test_labels.u8: N bytes (0..9).
 * Prints the accuracy; optionally writes the N x 10 output probabilities (little-endian float32).
 * On a microcontroller the same three calls apply: fill digits_input(0) (or call digits_run), invoke, read output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digits.h"

#define IMAGE_FLOATS DIGITS_INPUT_0_COUNT
#define CLASS_COUNT DIGITS_OUTPUT_0_COUNT

/* Reads a whole file; returns NULL on error. */
static unsigned char *read_file(const char *path, long *size) {
    FILE *f = fopen(path, "rb");
    unsigned char *buf;
    long n;
    if (!f) { fprintf(stderr, "digits: cannot open %s\n", path); return NULL; }
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) { fclose(f); return NULL; }
    buf = (unsigned char *)malloc(n > 0 ? (size_t)n : 1u);
    if (!buf || (n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n)) { free(buf); fclose(f); return NULL; }
    fclose(f);
    *size = n;
    return buf;
}

/* Little-endian float32 decoding, independent of the host's byte order. */
static float load_f32_le(const unsigned char *p) {
    unsigned long u = (unsigned long)p[0] | ((unsigned long)p[1] << 8) | ((unsigned long)p[2] << 16) | ((unsigned long)p[3] << 24);
    float f;
    unsigned int w = (unsigned int)u;
    memcpy(&f, &w, sizeof f);
    return f;
}

static void store_f32_le(unsigned char *p, float f) {
    unsigned int w;
    memcpy(&w, &f, sizeof w);
    p[0] = (unsigned char)(w & 0xffu);
    p[1] = (unsigned char)((w >> 8) & 0xffu);
    p[2] = (unsigned char)((w >> 16) & 0xffu);
    p[3] = (unsigned char)((w >> 24) & 0xffu);
}

int main(int argc, char **argv) {
    long image_bytes = 0, label_bytes = 0, n, i;
    unsigned char *images, *labels;
    FILE *out = NULL;
    long correct = 0;
    float x[IMAGE_FLOATS], y[CLASS_COUNT];

    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: %s test_images.f32 test_labels.u8 [probabilities.f32]\n", argv[0]);
        return 2;
    }
    images = read_file(argv[1], &image_bytes);
    labels = read_file(argv[2], &label_bytes);
    if (!images || !labels) return 2;
    n = label_bytes;
    if (image_bytes != n * (long)(4 * IMAGE_FLOATS)) {
        fprintf(stderr, "digits: %s holds %ld bytes, expected %ld images x %d floats\n", argv[1], image_bytes, n, IMAGE_FLOATS);
        return 2;
    }
    if (argc == 4 && !(out = fopen(argv[3], "wb"))) { fprintf(stderr, "digits: cannot create %s\n", argv[3]); return 2; }

    for (i = 0; i < n; i++) {
        int k, best = 0;
        unsigned char raw[4 * CLASS_COUNT];
        for (k = 0; k < IMAGE_FLOATS; k++) x[k] = load_f32_le(images + 4 * ((size_t)i * IMAGE_FLOATS + (size_t)k));
        if (digits_run(x, y) != 0) { fprintf(stderr, "digits: invoke failed\n"); return 3; }
        for (k = 1; k < CLASS_COUNT; k++) if (y[k] > y[best]) best = k;
        if (best == labels[i]) correct++;
        if (out) {
            for (k = 0; k < CLASS_COUNT; k++) store_f32_le(raw + 4 * k, y[k]);
            if (fwrite(raw, 1, sizeof raw, out) != sizeof raw) { fprintf(stderr, "digits: write failed\n"); return 2; }
        }
    }
    if (out && fclose(out) != 0) return 2;
    printf("digits: %ld/%ld correct (%.2f %%)\n", correct, n, n ? 100.0 * (double)correct / (double)n : 0.0);
    free(images);
    free(labels);
    return 0;
}
