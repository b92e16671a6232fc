-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
-- Host: localhost    Database: shop
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
SET FOREIGN_KEY_CHECKS = 0;

DROP TABLE IF EXISTS `customer`;
CREATE TABLE `customer` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(255) COLLATE utf8mb4_unicode_ci NOT NULL COMMENT 'Sign-in name; unique, stored lower-case',
  `first_name` varchar(100) NOT NULL,
  `last_name` varchar(100) NOT NULL,
  `phone` varchar(32) DEFAULT NULL,
  `marketing_opt_in` tinyint(1) NOT NULL DEFAULT '0',
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_customer_email` (`email`),
  KEY `ix_customer_name` (`last_name`,`first_name`)
) ENGINE=InnoDB AUTO_INCREMENT=1042 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='People who buy; one row per account';

CREATE TABLE `address` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int unsigned NOT NULL,
  `kind` enum('billing','shipping') NOT NULL DEFAULT 'shipping',
  `line1` varchar(200) NOT NULL,
  `city` varchar(100) NOT NULL,
  `postal_code` varchar(20) DEFAULT NULL,
  `country_code` char(2) NOT NULL COMMENT 'ISO 3166-1 alpha-2',
  PRIMARY KEY (`id`),
  KEY `fk_address_customer` (`customer_id`),
  CONSTRAINT `fk_address_customer` FOREIGN KEY (`customer_id`) REFERENCES `customer` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `product` (
  `sku` varchar(40) NOT NULL,
  `name` varchar(200) NOT NULL,
  `price_cents` int NOT NULL,
  `currency` char(3) NOT NULL DEFAULT 'EUR',
  `description` text,
  `attributes` json DEFAULT NULL,
  PRIMARY KEY (`sku`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT 'The catalogue';

CREATE TABLE `order` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int unsigned NOT NULL,
  `shipping_address_id` int unsigned DEFAULT NULL,
  `status` enum('cart','placed','paid','shipped','cancelled') NOT NULL DEFAULT 'cart',
  `placed_at` datetime DEFAULT NULL,
  `total_cents` int NOT NULL DEFAULT '0',
  PRIMARY KEY (`id`),
  KEY `ix_order_customer` (`customer_id`),
  CONSTRAINT `fk_order_customer` FOREIGN KEY (`customer_id`) REFERENCES `customer` (`id`),
  CONSTRAINT `fk_order_address` FOREIGN KEY (`shipping_address_id`) REFERENCES `address` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `order_line` (
  `order_id` bigint unsigned NOT NULL,
  `line_no` smallint NOT NULL,
  `sku` varchar(40) NOT NULL,
  `quantity` int NOT NULL DEFAULT '1',
  `unit_price_cents` int NOT NULL,
  PRIMARY KEY (`order_id`,`line_no`),
  CONSTRAINT `fk_line_order` FOREIGN KEY (`order_id`) REFERENCES `order` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_line_product` FOREIGN KEY (`sku`) REFERENCES `product` (`sku`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `payment` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint unsigned NOT NULL,
  `provider_ref` varchar(64) NOT NULL,
  `amount_cents` int NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_payment_order` (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE `payment` ADD CONSTRAINT `fk_payment_order` FOREIGN KEY (`order_id`) REFERENCES `order` (`id`);

LOCK TABLES `product` WRITE;
INSERT INTO `product` VALUES ('SKU-1','Mug; "large"',1200,'EUR','It\'s a mug',NULL);
UNLOCK TABLES;
