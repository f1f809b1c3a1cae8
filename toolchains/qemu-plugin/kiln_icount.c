/* Kiln's QEMU TCG plugin: exact guest instruction counts between markers.
 *
 * Every executed guest instruction increments a counter (an inline add per instruction, so the count is exact even
 * when a translation block is left early). When the guest executes the first instruction of the marker function
 * (address given as mark=0x...), the plugin records the counter. At exit it writes one line per mark event to
 * out=PATH: "<event index> <instructions executed before it>". Differences between consecutive events are the
 * instructions of the code between the marker calls (including the few of the marker call itself).
 *
 * Debian ships no qemu-plugin.h, so the few declarations of plugin API version 1 (QEMU 7.2) used here are written
 * out below. Build: cc -shared -fPIC -O2 -o kiln_icount.so kiln_icount.c
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
typedef struct {
    const char *target_name;
    struct { int min; int cur; } version;
    bool system_emulation;
    union { struct { int smp_vcpus; int max_vcpus; } system; };
} qemu_info_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn, enum qemu_plugin_op op, void *ptr,
                                                uint64_t imm);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

#define MAX_EVENTS 65536
static uint64_t insn_count;
static uint64_t mark_addr = UINT64_MAX;
static uint64_t events[MAX_EVENTS];
static size_t n_events;
static const char *out_path;

static void on_mark(unsigned int vcpu, void *udata)
{
    (void)vcpu; (void)udata;
    if (n_events < MAX_EVENTS) events[n_events++] = insn_count;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t i, n = qemu_plugin_tb_n_insns(tb);
    (void)id;
    for (i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        /* The marker callback runs before the instruction's own count is added: an event sees the instructions
         * retired strictly before the marker's first instruction. */
        if (qemu_plugin_insn_vaddr(insn) == mark_addr)
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_mark, QEMU_PLUGIN_CB_NO_REGS, NULL);
        qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &insn_count, 1);
    }
}

static void on_plugin_exit(qemu_plugin_id_t id, void *udata)
{
    FILE *f;
    size_t i;
    (void)id; (void)udata;
    if (!out_path) return;
    f = fopen(out_path, "w");
    if (!f) return;
    fprintf(f, "total %" PRIu64 "\n", insn_count);
    for (i = 0; i < n_events; i++) fprintf(f, "%zu %" PRIu64 "\n", i, events[i]);
    fclose(f);
}

__attribute__((visibility("default"))) int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
                                                               int argc, char **argv)
{
    int i;
    (void)info;
    for (i = 0; i < argc; i++) {
        if (strncmp(argv[i], "mark=", 5) == 0) mark_addr = strtoull(argv[i] + 5, NULL, 0);
        else if (strncmp(argv[i], "out=", 4) == 0) out_path = argv[i] + 4;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, on_plugin_exit, NULL);
    return 0;
}
