/*
 * Kiln startup for bare-metal Xtensa LX106 programs under QEMU (-M sim -cpu lx106 -semihosting); see sim.ld.
 *
 * Reset vector (0x50000000) -> _start: PS, VECBASE, stack pointer, copy .data, zero .bss, argc/argv from the
 * simulator (semihosting calls 1000-1002 of QEMU's target/xtensa/xtensa-semi.c; argv[0] is "program-name" and
 * argv[1] the ELF path, as with picolibc's semihosting crt0 on Arm/RISC-V), picolibc's __libc_init_array,
 * main(argc, argv), exit(main's result) (exit -> _exit in syscalls.c -> semihosting exit: QEMU's exit status).
 * CPU exceptions (illegal instruction, e.g. the division by zero trap of __divsi3, unaligned or invalid accesses)
 * are reported on stderr by __kiln_xtensa_fault (syscalls.c), which exits with status 134.
 */

#define SYS_argc 1000
#define SYS_argv_sz 1001
#define SYS_argv 1002

/* PS: INTLEVEL 15 (interrupts masked), EXCM 0, UM 1 (exceptions go to the user vector), no register windows. */
#define KILN_PS 0x2f

    .section .reset_vector, "ax"
    .global _reset_vector
_reset_vector:
    j       1f
    .align  4
.Lreset_target:
    .word   _start
1:  l32r    a0, .Lreset_target
    jx      a0

/* Exception and interrupt vectors at VECBASE (offsets of the LX106 configuration). */
    .section .vectors, "ax"
    .global _kiln_vectors
_kiln_vectors:
.Lvec_fault_stack:
    .word   __kiln_fault_stack + 1024
.Lvec_fault_fn:
    .word   __kiln_xtensa_fault
    .org    0x10                    /* level-2 interrupt / debug */
    movi    a0, 2
    j       .Lvec_common
    .org    0x20                    /* NMI / level-3 interrupt */
    movi    a0, 3
    j       .Lvec_common
    .org    0x30                    /* kernel exception */
    movi    a0, 1
    j       .Lvec_common
    .org    0x50                    /* user exception */
    movi    a0, 0
    j       .Lvec_common
    .org    0x70                    /* double exception */
    movi    a0, 4
    j       .Lvec_common
    .org    0x80
.Lvec_common:
    mov     a2, a0
    rsr     a3, exccause
    rsr     a4, epc1
    rsr     a5, excvaddr
    l32r    a1, .Lvec_fault_stack
    l32r    a0, .Lvec_fault_fn
    callx0  a0                      /* does not return */
1:  j       1b

    .section .text.kiln_start, "ax"
    .align  4
.Llit_stack:        .word __stack
.Llit_vectors:      .word __vectors_start
.Llit_data_source:  .word __data_source
.Llit_data_start:   .word __data_start
.Llit_data_end:     .word __data_end
.Llit_bss_start:    .word __bss_start
.Llit_bss_end:      .word __bss_end
.Llit_init:         .word __libc_init_array
.Llit_main:         .word main
.Llit_exit:         .word exit
.Llit_progname:     .word .Lprogname

    .align  4
    .global _start
    .type   _start, @function
_start:
    movi    a0, KILN_PS
    wsr     a0, ps
    rsync
    l32r    a0, .Llit_vectors
    wsr     a0, vecbase
    rsync
    l32r    a1, .Llit_stack

    /* .data: copy the image QEMU loaded into flash to its place in RAM (word aligned, see sim.ld). */
    l32r    a2, .Llit_data_source
    l32r    a3, .Llit_data_start
    l32r    a4, .Llit_data_end
    beq     a2, a3, 2f
1:  bgeu    a3, a4, 2f
    l32i    a5, a2, 0
    s32i    a5, a3, 0
    addi    a2, a2, 4
    addi    a3, a3, 4
    j       1b

    /* .bss: zero (8-byte aligned bounds, see sim.ld). */
2:  l32r    a3, .Llit_bss_start
    l32r    a4, .Llit_bss_end
    movi    a5, 0
3:  bgeu    a3, a4, 4f
    s32i    a5, a3, 0
    addi    a3, a3, 4
    j       3b

    /* argc/argv, laid out as picolibc's semihosting crt0 does on Arm and RISC-V: argv[0] = "program-name", then
       the simulator's arguments (the ELF path and the words of QEMU's -append), then NULL. The simulator writes
       its pointer array and strings into a buffer of argv_sz bytes starting at argv + 1; buffer and argv[0] are
       carved from the top of the stack (kept 16-byte aligned, as the CALL0 ABI wants). */
4:  movi    a2, SYS_argc
    simcall
    addi    a12, a2, 1              /* argc */
    movi    a2, SYS_argv_sz
    simcall
    addi    a2, a2, 4 + 15
    movi    a3, -16
    and     a2, a2, a3
    sub     a1, a1, a2
    mov     a13, a1                 /* argv */
    l32r    a2, .Llit_progname
    s32i    a2, a13, 0
    movi    a2, SYS_argv
    addi    a3, a13, 4
    simcall

    l32r    a0, .Llit_init
    callx0  a0                      /* constructors (picolibc's __libc_init_array) */
    mov     a2, a12
    mov     a3, a13
    movi    a4, 0
    l32r    a0, .Llit_main
    callx0  a0                      /* main(argc, argv, NULL) */
    l32r    a0, .Llit_exit
    callx0  a0                      /* exit(main's result): does not return */
5:  j       5b
    .size   _start, . - _start

    .section .rodata.kiln_progname, "a"
.Lprogname:
    .asciz  "program-name"

    .section .bss.kiln_fault_stack, "aw", @nobits
    .align  16
    .global __kiln_fault_stack
__kiln_fault_stack:
    .space  1024
